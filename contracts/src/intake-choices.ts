/** The choices the intake assistant offers as buttons under its messages. */
export const INTAKE_CHOICES = ['group', 'supporter', 'resources', 'unsure', 'small_group', 'human'] as const;

export type IntakeChoice = (typeof INTAKE_CHOICES)[number];

/**
 * The words on each choice in each language the assistant speaks. One source for the web's buttons and for the
 * server, which writes the tapped choice into the transcript as the person's own line, so the two cannot drift apart.
 */
export const INTAKE_CHOICE_LABELS = {
  en: {
    group: 'A group',
    supporter: 'One-to-one with a peer supporter',
    resources: 'Something to read first',
    unsure: 'Not sure',
    small_group: 'Join a small group now',
    human: 'Talk to a person',
  },
  es: {
    group: 'Un grupo',
    supporter: 'Apoyo individual con una persona de apoyo',
    resources: 'Algo para leer primero',
    unsure: 'No estoy seguro o segura',
    small_group: 'Unirme ahora a un grupo pequeño',
    human: 'Hablar con una persona',
  },
} as const satisfies Record<string, Record<IntakeChoice, string>>;
