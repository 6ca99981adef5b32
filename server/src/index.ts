export { buildApp, type BuildAppOptions } from './app.ts';
export { loadConfig, type Config, type CollabConfig } from './config.ts';
export { connectDatabase, type Db } from './db/connect.ts';
