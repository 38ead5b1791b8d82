export * from './activity.ts';
export * from './auth.ts';
export * from './catalog.ts';
export * from './club-logo.ts';
export * from './follow.ts';
export * from './sales.ts';
export * from './security.ts';
export * from './tickets.ts';
