export * from './auth.ts';
export * from './catalog.ts';
export * from './security.ts';
