export * from './realtime.ts';
export * from './crisis-lines.ts';
