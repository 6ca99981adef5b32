/**
 * The browser-safe part of `@rungs/shared` the web app uses: the ladder model, the rich-text
 * schema and the Yjs layout and operations. (The package root also exports importers and diff
 * code with Node-only dependencies, which the browser bundle must not pull in.)
 */
export * from '@rungs/shared/model/index';
export * from '@rungs/shared/richtext/index';
export * from '@rungs/shared/yjs/index';
