export { createAccountsService, AccountErrors, type AccountsService } from './accounts.service.ts';
export { accountsRoutes } from './accounts.routes.ts';
export * as accountsPolicy from './accounts.policy.ts';
export { presentPublicProfile } from './accounts.presenter.ts';
