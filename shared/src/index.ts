export * from './model/index.ts';
export * from './richtext/index.ts';
export * from './yjs/index.ts';
export * from './diff/index.ts';
export * from './import/index.ts';
export * from './text/index.ts';
export * from './export/index.ts';
