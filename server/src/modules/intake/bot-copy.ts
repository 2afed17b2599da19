/**
 * Every word the intake assistant writes. It says plainly that it is automated, says what is private, never
 * diagnoses, and follows safe-messaging guidance (hope and help, no method details). `bot-copy.test.ts` checks all of
 * it with the same rules as the safety module's copy.
 */
export const BOT_COPY = {
  welcome: [
    "Hi, I'm Hearth's automated guide. I'm a computer program, not a person, and I'm here to help you find a group or a peer supporter.",
    'What you write here is private: it is encrypted, only used to suggest support for you, and you can delete it at any time. Peer supporters and staff do not read it unless you ask to talk to someone.',
    'You can switch to a real person whenever you like with "Talk to a person".',
  ],
  askNeed: 'What brings you here today? A sentence or two is plenty.',
  askNeedAgain: 'Take your time. Whenever you are ready, tell me a little about what is going on, in your own words.',
  thanks: 'Thank you for sharing that. It takes courage to put it into words.',
  topicGuess: (label: string) => `It sounds like ${label} might be part of what you are going through. If that is not right, that is fine too.`,
  askPreference: 'What would help most right now?',
  resourcesIntro: 'Here are a few things from our library you could read at your own pace:',
  noResources: 'I could not find reading in the library for this yet, but people here can help.',
  groupsIntro: 'These groups look like a good fit. Each one says why:',
  noGroups: 'I could not find a group that fits yet. A peer supporter could talk with you one to one instead.',
  supportersIntro: 'These peer supporters could talk with you one to one:',
  noSupporters: 'No peer supporter is free to match right now. You can still ask, and the first one free will answer, or our team will.',
  requestNow: 'You can also ask for the first free peer supporter now.',
  smallGroupOffer: 'If you would like company right now, you can join a small live group of people going through something similar.',
  anythingElse: 'Is there anything else you would like to find? You can tell me, or choose below.',
  notSure: 'That is completely okay. Many people start with a group, because hearing from others who understand can help.',
  humanRequested: 'I have asked for a peer supporter to join you. You can follow your request on its page, and you will be told as soon as someone accepts. If nobody can in time, our team will reach out.',
  humanAlreadyWaiting: 'You already have a request waiting for a peer supporter. You can follow it on its page.',
  crisis: {
    concern:
      'Thank you for telling me. I am going to pause my questions, because how you are feeling matters more. A person from our team has been told, and you can talk to someone now.',
    urgent:
      'Thank you for telling me. I am stopping my questions so you can get support from a person right now. Our team has been alerted. If you are in danger, please call your local emergency number or a crisis line below.',
    screener: 'If you like, a few short questions can help our team understand how best to support you.',
    afterHandOff: 'A person from our team will be with you. Until then, the crisis lines below are free and open at any hour, and you can talk to someone now.',
  },
  choices: {
    group: 'A group',
    supporter: 'One-to-one with a peer supporter',
    resources: 'Something to read first',
    unsure: 'Not sure',
    small_group: 'Join a small group now',
    human: 'Talk to a person',
  },
} as const;

export type BotCopy = typeof BOT_COPY;

/** Instructions for the optional language model. It may only rephrase support; matching and safety stay in Hearth. */
export const LLM_SYSTEM_PROMPT = [
  "You are Hearth's automated intake guide on a peer-support platform. Say you are automated if asked.",
  'Be warm and brief (at most three sentences). Do not diagnose, give medical advice, or describe any means of self-harm.',
  'Encourage the person to join a group, talk to a peer supporter, or read the self-help resources Hearth suggests.',
  'If the person mentions being in danger, tell them a person from the team will help and to contact local emergency services.',
].join(' ');
