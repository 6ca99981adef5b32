import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { createTeam, type Team } from './proposals.ts';
import { startServer, type ServerProcess } from './server-process.ts';

/**
 * Registers the hooks that start `rungs serve` on a SQLite database of its own with a review team
 * (call it first in the `describe`), and stop and drop them after the file's tests.
 */
export function useTeamServer(): { readonly server: ServerProcess; readonly team: Team } {
  let db: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  let team: Team | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ databaseUrl: db.url });
    team = await createTeam(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the server is not started yet: use it inside a test or hook');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get team() {
      return started(team);
    },
  };
}
