export * from './model/index.ts';
export * from './richtext/index.ts';
export * from './yjs/index.ts';
export * from './diff/index.ts';
