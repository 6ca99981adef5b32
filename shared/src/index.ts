export * from './model/index.ts';
export * from './diff/index.ts';
