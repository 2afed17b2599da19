export * from './actor.ts';
export * from './app.ts';
export * from './errors.ts';
