import { INTAKE_CHOICE_LABELS, MATCH_TOPIC_LABELS, type IntakeChoice, type MatchTopic } from '@hearth/contracts';

/** The shape of the assistant's script in one language. */
export type BotCopy = {
  welcome: readonly string[];
  askNeed: string;
  askNeedAgain: string;
  thanks: string;
  topicGuess: (label: string) => string;
  askPreference: string;
  resourcesIntro: string;
  noResources: string;
  groupsIntro: string;
  noGroups: string;
  supportersIntro: string;
  noSupporters: string;
  requestNow: string;
  smallGroupOffer: string;
  anythingElse: string;
  notSure: string;
  humanRequested: string;
  humanAlreadyWaiting: string;
  /** The words a person says when they ask for a person without writing (the request's first line). */
  talkToPersonIntro: string;
  crisis: { concern: string; urgent: string; screener: string; afterHandOff: string };
  /** The words on the choice buttons, shared with the web app (contracts); a tapped choice is the person's line. */
  choices: Record<IntakeChoice, string>;
};

/**
 * Every word the intake assistant writes, in English. It says plainly that it is automated, says what is private,
 * never diagnoses, and follows safe-messaging guidance (hope and help, no method details). `bot-copy.test.ts` checks
 * every language with the same rules as the safety module's copy.
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
  talkToPersonIntro: 'I would like to talk to a person.',
  crisis: {
    concern:
      'Thank you for telling me. I am going to pause my questions, because how you are feeling matters more. A person from our team has been told, and you can talk to someone now.',
    urgent:
      'Thank you for telling me. I am stopping my questions so you can get support from a person right now. Our team has been alerted. If you are in danger, please call your local emergency number or a crisis line below.',
    screener: 'If you like, a few short questions can help our team understand how best to support you.',
    afterHandOff: 'A person from our team will be with you. Until then, the crisis lines below are free and open at any hour, and you can talk to someone now.',
  },
  choices: INTAKE_CHOICE_LABELS.en,
} as const satisfies BotCopy;

/** The same script in Spanish, written to the same rules (automated, private, hope and help, no method details). */
export const BOT_COPY_ES = {
  welcome: [
    'Hola, soy la guía automatizada de Hearth. Soy un programa informático, no soy una persona, y estoy aquí para ayudarte a encontrar un grupo o una persona de apoyo entre pares.',
    'Lo que escribes aquí es privado: se guarda cifrado, solo se usa para sugerirte apoyo y puedes borrarlo cuando quieras. Las personas de apoyo y el equipo no lo leen salvo que pidas hablar con alguien.',
    'Puedes pasar a hablar con una persona real cuando quieras con «Hablar con una persona».',
  ],
  askNeed: '¿Qué te trae por aquí hoy? Con una o dos frases basta.',
  askNeedAgain: 'Tómate tu tiempo. Cuando quieras, cuéntame un poco lo que está pasando, con tus propias palabras.',
  thanks: 'Gracias por compartirlo. Hace falta valor para ponerlo en palabras.',
  topicGuess: (label: string) => `Parece que ${label} podría ser parte de lo que estás viviendo. Si no es así, no pasa nada.`,
  askPreference: '¿Qué te ayudaría más ahora mismo?',
  resourcesIntro: 'Aquí tienes algunas lecturas de nuestra biblioteca, a tu ritmo:',
  noResources: 'Todavía no encontré lecturas en la biblioteca sobre esto, pero aquí hay personas que pueden ayudarte.',
  groupsIntro: 'Estos grupos parecen encajar contigo. Cada uno dice por qué:',
  noGroups: 'Todavía no encontré un grupo que encaje. Una persona de apoyo podría hablar contigo a solas.',
  supportersIntro: 'Estas personas de apoyo podrían hablar contigo a solas:',
  noSupporters: 'Ahora mismo no hay ninguna persona de apoyo libre. Puedes pedirlo igualmente: responderá la primera que quede libre, o nuestro equipo.',
  requestNow: 'También puedes pedir ahora a la primera persona de apoyo que esté libre.',
  smallGroupOffer: 'Si te apetece compañía ahora mismo, puedes unirte a un pequeño grupo en vivo con personas que pasan por algo parecido.',
  anythingElse: '¿Hay algo más que te gustaría encontrar? Puedes decírmelo o elegir abajo.',
  notSure: 'Está completamente bien. Mucha gente empieza con un grupo, porque escuchar a otras personas que entienden puede ayudar.',
  humanRequested: 'He pedido que una persona de apoyo se una contigo. Puedes seguir tu solicitud en su página y te avisaremos en cuanto alguien acepte. Si nadie puede a tiempo, nuestro equipo se pondrá en contacto.',
  humanAlreadyWaiting: 'Ya tienes una solicitud esperando a una persona de apoyo. Puedes seguirla en su página.',
  talkToPersonIntro: 'Me gustaría hablar con una persona.',
  crisis: {
    concern:
      'Gracias por contármelo. Voy a pausar mis preguntas, porque cómo te sientes importa más. Una persona de nuestro equipo ya está avisada y puedes hablar con alguien ahora.',
    urgent:
      'Gracias por contármelo. Dejo mis preguntas para que recibas apoyo de una persona ahora mismo. Nuestro equipo ya está avisado. Si estás en peligro, llama a tu número local de emergencias o a una línea de crisis de las de abajo.',
    screener: 'Si quieres, unas pocas preguntas breves pueden ayudar a nuestro equipo a saber cómo apoyarte mejor.',
    afterHandOff: 'Una persona de nuestro equipo estará contigo. Mientras tanto, las líneas de crisis de abajo son gratuitas y atienden a cualquier hora, y puedes hablar con alguien ahora.',
  },
  choices: INTAKE_CHOICE_LABELS.es,
} as const satisfies BotCopy;

/** Languages the assistant's script is written in; anyone else is answered in English. */
export const BOT_LANGUAGES = { en: BOT_COPY, es: BOT_COPY_ES } as const;
export type BotLanguage = keyof typeof BOT_LANGUAGES;

/** The script language for a person: their first language when the script exists in it, else English. */
export function botLanguageFor(language: string | null | undefined): BotLanguage {
  return language === 'es' ? 'es' : 'en';
}

/** The assistant's script in a person's language. */
export function botCopyFor(language: string | null | undefined): BotCopy {
  return BOT_LANGUAGES[botLanguageFor(language)];
}

/** Plain words for a topic in the script's language. */
export function topicLabelFor(language: string | null | undefined, topic: MatchTopic): string {
  return MATCH_TOPIC_LABELS[botLanguageFor(language)][topic];
}

/** Instructions for the optional language model. It may only rephrase support; matching and safety stay in Hearth. */
export const LLM_SYSTEM_PROMPT = [
  "You are Hearth's automated intake guide on a peer-support platform. Say you are automated if asked.",
  'Be warm and brief (at most three sentences). Do not diagnose, give medical advice, or describe any means of self-harm.',
  'Encourage the person to join a group, talk to a peer supporter, or read the self-help resources Hearth suggests.',
  'If the person mentions being in danger, tell them a person from the team will help and to contact local emergency services.',
].join(' ');
