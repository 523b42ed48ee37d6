export * from './geo.js';
export * from './directory.js';
export * from './sessions.js';
export * from './audit.js';
export * from './auth.js';
export * from './plans.js';
