import type { FastifyInstance } from 'fastify';

/** "Service Restart" (RFC 6455 registry): temporary, so y-websocket clients reconnect at once. */
export const RESTART_CLOSE_CODE = 1012;
export const RESTART_CLOSE_REASON = 'Server is restarting; reconnecting.';

/**
 * `@fastify/websocket`'s preClose: closes every websocket with 1012 and a reason when the app
 * closes (its default closes them without a code), so clients reconnect, through the load
 * balancer, to another instance. Edits already received stay queued for their group commit,
 * which the collab plugin's onClose flushes before the database closes; edits a client sent
 * too late to be received, it still holds and sends again on reconnecting.
 */
export async function closeWebsocketsForRestart(this: FastifyInstance): Promise<void> {
  const server = this.websocketServer;
  for (const client of server.clients) client.close(RESTART_CLOSE_CODE, RESTART_CLOSE_REASON);
  // Like the default: stop taking upgrades, without waiting for every closing handshake.
  server.close();
}
