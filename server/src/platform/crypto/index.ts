export * from './fields.ts';
export * from './tokens.ts';
export * from './key-file.ts';
