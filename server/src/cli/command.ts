import type { Config } from '../config.ts';

/** One `rungs` subcommand. `run` returns the exit code, or -1 to keep the process running. */
export interface Command {
  name: string;
  usage: string;
  run(args: string[], config: Config): Promise<number>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}
