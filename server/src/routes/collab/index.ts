import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { CloseCode, type CollabConnection } from '../../collab/connection.ts';
import { DocumentLoadError } from '../../collab/document-store.ts';
import type { Room } from '../../collab/room.ts';
import { resolveDocumentAccess } from '../../collab/document-access.ts';

const DOC_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/** GET /collab/:docName: the y-websocket protocol (sync + awareness) over @fastify/websocket. */
const collabRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { docName: string } }>('/collab/:docName', { websocket: true }, (socket, request) => {
    const { docName } = request.params;
    const log = request.log.child({ doc: docName });

    // Messages that arrive while the document loads are kept and handled in order once it is ready.
    let room: Room | undefined;
    let queue: Promise<void> = Promise.resolve();
    const early: Uint8Array[] = [];
    let closed = false;

    let conn: CollabConnection = wrapSocket(socket, request, false);
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      if (!isBinary) {
        conn.close(CloseCode.invalidMessage, 'Malformed message: text frames are not part of the protocol');
        return;
      }
      const bytes = toBytes(data);
      if (!room) early.push(bytes);
      else {
        const r = room;
        queue = queue.then(() => r.receive(conn, bytes));
      }
    });
    socket.on('error', (err) => log.warn({ err }, 'websocket error'));
    socket.on('close', () => {
      closed = true;
      if (room) {
        room.leave(conn);
        app.rooms.release(docName);
      }
    });

    void (async () => {
      if (!DOC_NAME.test(docName)) {
        conn.close(CloseCode.notFound, 'No such document. Check the link, or open the ladder again.');
        return;
      }
      if (!sameOrigin(request.headers.origin, request.headers.host)) {
        conn.close(CloseCode.forbidden, 'Connections from other sites are refused.');
        return;
      }
      const access = await resolveDocumentAccess(app.db, docName, request.user);
      if (!access.allowed) {
        log.info({ user: request.user?.id, code: access.code }, 'collab connection refused');
        conn.close(access.code, access.reason);
        return;
      }
      // While its proposal is being published, a document takes no edits (see DocumentFreezes).
      conn = wrapSocket(socket, request, access.canWrite, () => app.documentFreezes.isFrozen(docName));
      let acquired: Room;
      try {
        acquired = await app.rooms.acquire(docName);
      } catch (err) {
        log.error(
          { err },
          err instanceof DocumentLoadError ? 'document failed to load' : 'could not open room',
        );
        conn.close(
          CloseCode.serverError,
          'The document could not be loaded; nothing was changed. Try again shortly.',
        );
        return;
      }
      if (closed) {
        app.rooms.release(docName);
        return;
      }
      room = acquired;
      room.join(conn);
      for (const bytes of early.splice(0)) {
        const r = acquired;
        queue = queue.then(() => r.receive(conn, bytes));
      }
    })().catch((err) => {
      log.error({ err }, 'collab connection setup failed');
      conn.close(CloseCode.serverError, 'The server failed to open this document. Try again shortly.');
    });
  });
};

function wrapSocket(
  socket: WebSocket,
  { user, sessionId, sessionExpiresAt }: Pick<FastifyRequest, 'user' | 'sessionId' | 'sessionExpiresAt'>,
  canWrite: boolean,
  frozen: () => boolean = () => false,
): CollabConnection {
  return {
    id: randomUUID(),
    get canWrite() {
      return canWrite && !frozen();
    },
    userId: user?.id ?? null,
    userLabel: user?.email ?? 'anonymous',
    sessionId,
    sessionExpiresAt,
    send(message) {
      if (socket.readyState === socket.OPEN) socket.send(message, { binary: true });
    },
    close(code, reason) {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING)
        socket.close(code, reason);
    },
  };
}

/** Browsers always send Origin on websockets; a page on another site must not ride our cookie. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // non-browser clients (CLI, tests) send none
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export default collabRoutes;
