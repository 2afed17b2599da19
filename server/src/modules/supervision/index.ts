export { createSupervisionService, type SupervisionService, type ConversationPort, type CertificatePort, type CaseloadPort } from './supervision.service.ts';
export { supervisionRoutes } from './supervision.routes.ts';
export { supervisionPersonalData } from './supervision.personal-data.ts';
export { ACTIVITY_CATEGORIES } from './supervision.schemas.ts';
