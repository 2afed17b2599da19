import type { PartialCatalog } from './en.ts';
import { safetyMessagesEs } from '../features/safety/messages.es.ts';
import { chatMessagesEs } from '../features/chat/messages.es.ts';
import { directMessagesEs } from '../features/direct/messages.es.ts';
import { forumsMessagesEs } from '../features/forums/messages.es.ts';
import { groupsCatalogEs } from '../features/groups/messages.es.ts';
import { sessionsCatalogEs } from '../features/sessions/messages.es.ts';
import { matchingMessagesEs } from '../features/matching/messages.es.ts';
import { intakeMessagesEs } from '../features/intake/messages.es.ts';
import { profileMessagesEs } from '../features/profile/messages.es.ts';
import { privacyMessagesEs } from '../features/privacy/messages.es.ts';
import { notificationsMessagesEs } from '../features/notifications/messages.es.ts';
import { resourcesMessagesEs } from '../features/resources/messages.es.ts';
import { directoryMessagesEs } from '../features/directory/messages.es.ts';
import { outcomesMessagesEs } from '../features/outcomes/messages.es.ts';
import { trainingMessagesEs } from '../features/training/messages.es.ts';
import { moderationMessagesEs } from '../features/moderation/messages.es.ts';
import { eventsMessagesEs } from '../features/events/messages.es.ts';
import { rewardsMessagesEs } from '../features/rewards/messages.es.ts';
import { supervisionMessagesEs } from '../features/supervision/messages.es.ts';
import { analyticsMessagesEs } from '../features/analytics/messages.es.ts';

/**
 * Spanish (neutral Latin American). Each section here is complete (catalog.test.ts checks its keys and placeholders
 * against English), so nothing falls back to English in the middle of a Spanish page.
 */
export const es: PartialCatalog = {
  common: {
    cancel: 'Cancelar',
    close: 'Cerrar',
    hide: 'Ocultar',
    loading: 'Cargando…',
    opensInNewTab: '(se abre en una pestaña nueva)',
    save: 'Guardar',
    tryAgain: 'Intentar de nuevo',
  },
  nav: {
    discover: 'Descubrir grupos',
    calendar: 'Mi calendario',
    forums: 'Foros',
    support: 'Apoyo individual',
    onCall: 'Guardia',
    safetyPlan: 'Mi plan de seguridad',
    notifications: 'Notificaciones',
    profile: 'Perfil',
    signIn: 'Iniciar sesión',
    signUp: 'Registrarse',
  },
  shell: {
    skipToContent: 'Saltar al contenido principal',
    openMenu: 'Abrir menú',
    closeMenu: 'Cerrar menú',
    homeLabel: 'Inicio de Hearth',
    mainNav: 'Principal',
    mobileNav: 'Menú principal',
    more: 'Más',
    youSection: 'Tú',
    teamSection: 'Equipo',
    language: 'Idioma',
    helpPageLink: 'Líneas de crisis y ayuda',
    footerNote: 'Hearth es apoyo entre pares, no un servicio de crisis ni de emergencias. Si estás en peligro, usa «Ayuda ahora» en la parte superior de cualquier página.',
  },
  help: {
    button: 'Ayuda ahora',
    dialogTitle: 'Ayuda ahora',
    pageIntro: 'Mereces apoyo ahora mismo. Estos servicios son gratuitos y confidenciales, y están disponibles para ti a cualquier hora.',
    emergencyTitle: 'Si tú u otra persona están en peligro inmediato',
    emergencyBody: 'Llama ahora al número de emergencias local o acude al servicio de urgencias más cercano.',
    callEmergency: 'Llamar al {{number}}',
    callEmergencyLabel: 'Llamar al {{number}}, emergencias',
    countryLabel: 'Tu país',
    countryDescription: 'Mostramos las líneas de este país. Cámbialo si no es correcto.',
    otherCountry: 'Otro país',
    linesIn: 'Líneas de crisis en {{country}}',
    noLinesForCountry: 'Todavía no tenemos líneas para tu país. Los directorios de abajo te ayudarán a encontrar una línea gratuita cerca de ti.',
    directoriesTitle: 'Líneas de ayuda en otros países',
    hours: 'Horario: {{hours}}',
    call: 'Llamar al {{number}}',
    callLabel: 'Llamar al {{number}}, {{name}}',
    text: 'Enviar SMS: {{text}}',
    textLabel: 'Enviar SMS: {{text}}, {{name}}',
    website: 'Sitio web de {{name}}',
    privacyNote: 'Abrir esta lista no queda registrado, y Hearth no contacta a nadie en tu nombre.',
  },
  errors: {
    title: 'Algo salió mal',
    generic: 'Algo salió mal de nuestro lado. Lo que escribiste se conserva; inténtalo de nuevo en un momento.',
    network: 'No pudimos conectar con Hearth. Revisa tu conexión e inténtalo de nuevo; no se pierde nada de lo que escribiste.',
    pageCrashed: 'No pudimos mostrar esta página. Vuelve atrás e inténtalo de nuevo. Si necesitas ayuda ahora, usa «Ayuda ahora» arriba.',
    backHome: 'Ir a la página de inicio',
    notFoundTitle: 'No encontramos esa página',
    notFoundBody: 'Puede que el enlace sea antiguo o que la página se haya movido.',
  },
  landing: {
    title: 'Un lugar cálido donde ser escuchado',
    intro: 'Hearth reúne a personas en pequeños grupos de apoyo entre pares, salas en vivo y foros tranquilos. Ven tal como eres, comparte tanto o tan poco como quieras y encuentra personas que te entienden.',
    cta: 'Únete a Hearth',
    signIn: 'Iniciar sesión',
    goToGroups: 'Ir a los grupos',
    pseudonymNote: 'Solo necesitas un seudónimo y una contraseña. El correo electrónico es opcional.',
    whatTitle: 'Lo que encontrarás aquí',
    features: {
      groups: { title: 'Grupos de apoyo', body: 'Grupos pequeños sobre temas como la ansiedad, el duelo o el cuidado de otra persona, en línea o cerca de ti, guiados por facilitadores formados.' },
      live: { title: 'Salas en vivo', body: 'Reúnete con tu grupo a la hora de la sesión en una sala de texto tranquila. Las horas siempre se muestran en tu zona horaria.' },
      forums: { title: 'Foros', body: 'Escribe cuando estés listo y lee las respuestas a tu ritmo. Las publicaciones pueden llevar un aviso de contenido.' },
      oneToOne: { title: 'Apoyo individual', body: 'Pide una conversación privada con una persona de apoyo formada cuando prefieras hablar con alguien a solas.' },
    },
    promisesTitle: 'Nuestros compromisos',
    promises: {
      pseudonym: 'Tú eliges cómo apareces. No hace falta tu nombre real.',
      peer: 'Aquí todos somos pares. Facilitadores y moderadores ayudan a que los espacios sean amables y seguros.',
      help: 'Las líneas de crisis están a un toque en cada página, incluso si Hearth no tiene conexión.',
      leave: 'Puedes dejar cualquier grupo cuando quieras, sin preguntas.',
    },
  },
  auth: {
    signUpTitle: 'Crea tu cuenta',
    signUpIntro: 'Elige un seudónimo: es tu nombre para iniciar sesión y nadie necesita tu nombre real.',
    signUpFormTitle: 'Tus datos',
    pseudonym: 'Seudónimo',
    pseudonymHelp: 'De 3 a 32 letras, números, puntos, guiones o guiones bajos.',
    password: 'Contraseña',
    passwordHelp: 'Al menos 10 caracteres. Unas cuantas palabras al azar forman una contraseña fuerte y fácil de recordar.',
    togglePassword: 'Mostrar u ocultar la contraseña',
    emailOptional: 'Correo electrónico (opcional)',
    emailHelp: 'Solo para recordatorios y para recuperar la cuenta. Nunca se muestra a otras personas.',
    timezone: 'Zona horaria',
    timezoneHelp: 'La detectamos en tu dispositivo. Las sesiones se muestran en esta zona.',
    countryOptional: 'País (opcional)',
    countryHelp: 'Nos ayuda a mostrarte las líneas de crisis adecuadas.',
    countryNone: 'Prefiero no decirlo',
    signUpButton: 'Registrarse',
    haveAccount: '¿Ya tienes una cuenta?',
    signInLink: 'Iniciar sesión',
    signInTitle: 'Iniciar sesión',
    signInToContinue: 'Inicia sesión para continuar. Volverás a donde estabas.',
    signInButton: 'Iniciar sesión',
    noAccount: '¿Eres nuevo en Hearth?',
    signUpLink: 'Crear una cuenta',
    forgotNote: '¿Olvidaste tu contraseña? Si añadiste un correo, pide ayuda a la persona administradora de tu organización para recuperar la cuenta.',
  },
  onboarding: {
    title: 'Te damos la bienvenida, {{name}}',
    intro: 'Unas preguntas rápidas nos ayudan a mostrarte grupos y horarios que te convengan. Puedes cambiarlo después en tu perfil.',
    formLabel: 'Configura tu cuenta',
    save: 'Guardar y continuar',
    skip: 'Omitir por ahora',
  },
  safety: safetyMessagesEs,
  formats: { online: 'En línea', in_person: 'Presencial', hybrid: 'Híbrido' },
  chat: chatMessagesEs,
  direct: directMessagesEs,
  forums: forumsMessagesEs,
  ...groupsCatalogEs,
  ...sessionsCatalogEs,
  matching: matchingMessagesEs,
  intake: intakeMessagesEs,
  profile: profileMessagesEs,
  privacy: privacyMessagesEs,
  notifications: notificationsMessagesEs,
  resources: resourcesMessagesEs,
  directory: directoryMessagesEs,
  outcomes: outcomesMessagesEs,
  training: trainingMessagesEs,
  moderation: moderationMessagesEs,
  events: eventsMessagesEs,
  rewards: rewardsMessagesEs,
  supervision: supervisionMessagesEs,
  analytics: analyticsMessagesEs,
};
