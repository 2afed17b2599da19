/**
 * Every word the safety module itself writes for people. It follows safe-messaging guidance (no method details,
 * hope and help, "died by suicide", never "committed"), and `safety.copy.test.ts` scans it for banned phrasing.
 * Keep all product safety copy here so that one test covers it.
 */
export const SAFETY_COPY = {
  card: {
    concern: {
      title: 'You do not have to carry this alone',
      body: 'It sounds like things are heavy right now. Talking to someone can help, and support is here whenever you want it.',
    },
    urgent: {
      title: 'We are here with you',
      body: 'What you shared matters, and so do you. You can talk to a person from our team right now, or reach a free crisis line at any hour.',
    },
    aboutSomeoneElse: {
      title: 'Supporting someone you care about',
      body: 'It is kind of you to look out for them. These services can help you support them, and you deserve support too.',
    },
    talkNow: 'Talk to someone now',
    safetyPlan: 'Open my safety plan',
    crisisLines: 'Crisis lines near you',
  },
  heldForReview: 'Your post is safe with us. A person from our team will reach out soon, and your post will appear once they have looked at it.',
  talkNowConfirmation: 'Thank you for reaching out. A person from our team has been asked to contact you. If you are in danger right now, please call your local emergency number.',
  events: {
    caseOpened: 'Someone may need support now. Please open the case.',
    caseEscalated: 'A case has been waiting. Please open it if you can help.',
  },
  screener: {
    credit:
      'These questions follow the structure of the Columbia Suicide Severity Rating Scale (C-SSRS) screener (Posner et al., The Columbia Lighthouse Project). The wording here is our own.',
    intro: 'These questions help us understand how to support you. There are no wrong answers, and you can stop at any time.',
    results: {
      none: 'Thank you for answering. If things change, support is here whenever you want it.',
      concern: 'Thank you for telling us. Support is here, and talking with someone can help.',
      urgent: 'Thank you for telling us. You deserve support right now, and a person from our team will reach out to you.',
    },
  },
} as const;
