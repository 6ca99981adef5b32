import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { WebSocket } from 'ws';
import { CloseCode, type CollabConnection } from '../../collab/connection.ts';
import { DocumentLoadError } from '../../collab/document-store.ts';
import type { Room } from '../../collab/room.ts';

const DOC_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/** GET /collab/:docName: the y-websocket protocol (sync + awareness) over @fastify/websocket. */
const collabRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { docName: string } }>('/collab/:docName', { websocket: true }, (socket, request) => {
    const { docName } = request.params;
    const conn = wrapSocket(socket, 'guest', true);
    const log = request.log.child({ doc: docName, conn: conn.id });

    // Messages that arrive while the document loads are kept and handled in order once it is ready.
    let room: Room | undefined;
    let queue: Promise<void> = Promise.resolve();
    const early: Uint8Array[] = [];
    let closed = false;

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
      if (!DOC_NAME.test(docName) || !(await app.documents.exists(docName))) {
        conn.close(CloseCode.notFound, 'No such document. Check the link, or open the ladder again.');
        return;
      }
      let acquired: Room;
      try {
        acquired = await app.rooms.acquire(docName);
      } catch (err) {
        log.error({ err }, err instanceof DocumentLoadError ? 'document failed to load' : 'could not open room');
        conn.close(CloseCode.serverError, 'The document could not be loaded; nothing was changed. Try again shortly.');
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

function wrapSocket(socket: WebSocket, userLabel: string, canWrite: boolean): CollabConnection {
  return {
    id: randomUUID(),
    canWrite,
    userLabel,
    send(message) {
      if (socket.readyState === socket.OPEN) socket.send(message, { binary: true });
    },
    close(code, reason) {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
    },
  };
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export default collabRoutes;
