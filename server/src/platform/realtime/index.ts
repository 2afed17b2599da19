export * from './bus.ts';
export * from './hub.ts';
export * from './gateway.ts';
export * from './redis-bus.ts';
export * from './live-access.ts';
