import type { FastifyInstance } from 'fastify';
import { Gauge, type Registry } from 'prom-client';
import { countUpdateLogRows } from './update-log-rows.ts';

/**
 * Gauges read from the app when Prometheus scrapes: nothing is kept up to date in between. They
 * read `app.rooms` and `app.db` at scrape time, so they may be registered before those exist.
 */
export function registerAppGauges(
  app: FastifyInstance,
  registry: Registry,
  { updateLogTimeoutMs }: { updateLogTimeoutMs: number },
): void {
  const registers = [registry];
  new Gauge({
    name: 'rungs_ws_connections',
    help: 'Open collaboration websocket connections on this instance.',
    registers,
    collect() {
      let connections = 0;
      for (const name of app.rooms.loadedRoomNames)
        connections += app.rooms.getLoaded(name)?.connectionCount ?? 0;
      this.set(connections);
    },
  });
  new Gauge({
    name: 'rungs_loaded_documents',
    help: 'Documents loaded in memory on this instance (live rooms).',
    registers,
    collect() {
      this.set(app.rooms.loadedRoomNames.length);
    },
  });
  new Gauge({
    name: 'rungs_group_commit_pending',
    help: 'Updates applied in memory and waiting for their group commit to the update log.',
    registers,
    collect() {
      this.set(app.rooms.committer.pending);
    },
  });
  new Gauge({
    name: 'rungs_update_log_rows',
    help: 'Rows in the SQL update log not yet compacted into snapshots (all instances together). Absent when the count failed or timed out.',
    registers,
    async collect() {
      try {
        this.set(await countUpdateLogRows(app.db, app.databaseKind, updateLogTimeoutMs));
      } catch (err) {
        // No value beats a stale one: the series disappears and "absent" alerts can fire.
        this.reset();
        app.log.warn({ err }, 'metrics: could not count the update log');
      }
    },
  });
}
