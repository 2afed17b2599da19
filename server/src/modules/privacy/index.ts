export { createPrivacyService, type PrivacyService, type AccountsForPrivacy } from './privacy.service.ts';
export { privacyRoutes } from './privacy.routes.ts';
