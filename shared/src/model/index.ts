export * from './rich-text.ts';
export * from './ladder-content.ts';
export * from './ids.ts';
export * from './limits.ts';
