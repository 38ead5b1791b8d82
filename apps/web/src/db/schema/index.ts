export * from './auth.ts';
export * from './catalog.ts';
export * from './club-logo.ts';
export * from './security.ts';
