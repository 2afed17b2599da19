export * from './common.ts';
export * from './realtime.ts';
export * from './crisis-lines.ts';
