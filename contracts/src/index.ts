export * from './common.ts';
export * from './realtime.ts';
export * from './crisis-lines.ts';
export * from './matching-topics.ts';
export * from './intake-choices.ts';
export * from './safe-messaging.ts';
