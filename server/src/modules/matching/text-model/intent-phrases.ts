/**
 * What a person wants from the intake conversation, learned from our own invented phrases (English and Spanish)
 * with the same vectorizer and classifier as topics.
 */
export const INTENTS = ['group', 'supporter', 'resources', 'human', 'unsure'] as const;
export type Intent = (typeof INTENTS)[number];

export const INTENT_PHRASES: Record<Intent, string[]> = {
  group: [
    'I would like to join a group',
    'a support group with people who understand',
    'meet others going through the same thing',
    'find a group near me',
    'somewhere to talk with other people like me',
    'group sessions on tuesday evenings',
    'show me groups',
    'I want to be with people who have been through it',
    'a circle or meeting I could go to',
    'quiero unirme a un grupo',
    'busco un grupo de apoyo',
  ],
  supporter: [
    'I would like to talk to one person',
    'one to one with a peer supporter',
    'someone to talk to privately',
    'a supporter who has lived through something similar',
    'I prefer talking one on one',
    'can I chat with a peer supporter',
    'a private conversation with someone',
    'match me with a supporter',
    'quiero hablar con una persona a solas',
    'hablar con un acompañante',
  ],
  resources: [
    'something to read on my own',
    'self help tips',
    'articles or exercises I can try',
    'just information for now',
    'give me some resources',
    'I want to learn more about it first',
    'guides and worksheets',
    'quiero leer algo primero',
    'recursos de autoayuda',
  ],
  human: [
    'I want to talk to a real person',
    'are you a bot, I want a human',
    'can I speak to someone from the team',
    'connect me with a person now',
    'stop the bot please',
    'human please',
    'talk to a person',
    'quiero hablar con una persona real',
    'no quiero hablar con un robot',
  ],
  unsure: [
    'I do not know',
    'not sure',
    'maybe',
    'I have no idea what I need',
    'whatever you think',
    'anything really',
    'no lo sé',
    'no estoy seguro',
  ],
};
