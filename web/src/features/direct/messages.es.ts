import type { Catalog } from '../../i18n/en.ts';

/** One-to-one support strings in Spanish (neutral Latin American). */
export const directMessagesEs: Catalog['direct'] = {
  title: 'Apoyo individual',
  intro: 'Habla en privado con una persona de apoyo formada. Son personas con experiencia vivida, no profesionales clínicos ni un servicio de crisis.',
  incomingTitle: 'Solicitudes para ti',
  incomingEmpty: 'No hay solicitudes ahora mismo.',
  myConversations: 'Tus conversaciones',
  noConversations: 'Todavía no iniciaste ninguna conversación.',
  status: { pending: 'En espera', accepted: 'Abierta', declined: 'No disponible', closed: 'Cerrada' },
  requested: 'Solicitada {{when}}',
  openChat: 'Abrir conversación',
  accept: 'Aceptar',
  decline: 'Rechazar',
  close: 'Cerrar conversación',
  requestTitle: 'Pedir apoyo a una persona de apoyo',
  requestIntro: 'Elige a alguien y cuéntale en pocas palabras de qué te gustaría hablar. Aceptará cuando pueda darte toda su atención.',
  noSupporters: 'No hay personas de apoyo disponibles ahora mismo. Inténtalo más tarde, o mira los grupos y los foros.',
  chooseSupporter: 'Persona de apoyo',
  introLabel: '¿De qué te gustaría hablar?',
  introHelp: 'Con una o dos líneas basta. Solo tú y la persona de apoyo pueden leerlo.',
  sendRequest: 'Enviar solicitud',
  requestSent: 'Tu solicitud se envió. La verás en «Tus conversaciones».',
  chatWith: 'Conversación con {{name}}',
  backToSupport: 'Volver al apoyo individual',
  notChattable: {
    pending: 'Esta conversación se abre cuando la persona de apoyo acepte.',
    accepted: 'Estamos preparando esta conversación. Inténtalo de nuevo en un momento.',
    declined: 'La persona de apoyo no puede tomar esta conversación. Pídesela a otra persona, por favor.',
    closed: 'Esta conversación se cerró.',
  },
};
