export * from './layout.ts';
export * from './order.ts';
export * from './text.ts';
export * from './rich-text-fragment.ts';
export * from './ops.ts';
export * from './content.ts';
export * from './fingerprint.ts';
