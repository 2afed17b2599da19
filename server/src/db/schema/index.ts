export * from './orgs.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './groups.ts';
export * from './sessions.ts';
export * from './chat.ts';
export * from './forums.ts';
