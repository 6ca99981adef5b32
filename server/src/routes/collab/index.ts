import type { FastifyPluginAsync } from 'fastify';
import type { CollabConfig } from '../../config.ts';
import { CloseCode, type CollabConnection } from '../../collab/connection.ts';
import { ConnectionCaps, ConnectionRates, tooBigRefusal } from '../../collab/connection-limits.ts';
import { DocumentLoadError } from '../../collab/document-store.ts';
import { Inbox } from '../../collab/inbox.ts';
import type { Room } from '../../collab/room.ts';
import { socketConnection } from '../../collab/socket-connection.ts';
import { resolveDocumentAccess } from '../../collab/document-access.ts';
import { documentAccess } from '../../auth/document-policy.ts';

const DOC_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * GET /collab/:docName: the y-websocket protocol (sync + awareness) over @fastify/websocket.
 * What one connection may cost is bounded in `collab/connection-limits.ts`, `inbox.ts` and
 * `socket-connection.ts`; what it may change, in the room.
 */
const collabRoutes: FastifyPluginAsync<{ collab: CollabConfig }> = async (app, { collab }) => {
  const { limits, maxMessageBytes } = collab;
  const caps = new ConnectionCaps(limits);

  // After a fan-out outage a revocation or a close may have been missed: each connection is
  // checked again against SQL, the one place that decides.
  app.rooms.setConnectionVerifier(async (conn, documentName) => {
    if (!conn.sessionId) return null;
    const session = await app.sessions.lookupById(conn.sessionId);
    if (!session || session.user.id !== conn.userId) {
      return {
        code: CloseCode.signedOut,
        reason: 'Your session ended or your access changed. Sign in again.',
      };
    }
    const decision = await documentAccess(app.db, session.user, documentName);
    if (!decision.read) return { code: CloseCode.signedOut, reason: decision.reason };
    if (conn.canWrite && !decision.write) {
      return { code: CloseCode.becameReadOnly, reason: 'This document is read-only now; reconnecting.' };
    }
    return null;
  });

  app.get<{ Params: { docName: string } }>('/collab/:docName', { websocket: true }, (socket, request) => {
    const { docName } = request.params;
    const log = request.log.child({ doc: docName });
    const rates = new ConnectionRates(limits);
    const connectionOptions = {
      user: request.user,
      sessionId: request.sessionId,
      sessionExpiresAt: request.sessionExpiresAt,
      maxBufferedBytes: limits.maxBufferedBytes,
      allowFullState: () => rates.allowFullState(),
      log,
    };
    let conn: CollabConnection = socketConnection(socket, { ...connectionOptions, canWrite: false });
    const refuse = (code: number, reason: string) => {
      app.metrics.refusedMessages.inc({ reason: `close_${code}` });
      inbox.stop();
      conn.close(code, reason);
    };

    // Messages that arrive while the document loads wait here, and are handled in order once it is ready.
    const inbox = new Inbox(limits.maxQueuedMessages, limits.maxQueuedBytes, (err) =>
      log.error({ err }, 'collab message failed'),
    );
    let room: Room | undefined;
    let closed = false;
    let releaseCap: (() => void) | undefined;

    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      if (!isBinary) {
        refuse(CloseCode.invalidMessage, 'Malformed message: text frames are not part of the protocol');
        return;
      }
      const bytes = toBytes(data);
      if (bytes.length > maxMessageBytes) {
        const tooBig = tooBigRefusal(bytes.length, maxMessageBytes);
        log.warn({ user: request.user?.id, bytes: bytes.length }, 'closing connection: message too big');
        refuse(tooBig.code, tooBig.reason);
        return;
      }
      const overRate = rates.admit(bytes.length);
      if (overRate) {
        log.warn({ user: request.user?.id, reason: overRate.reason }, 'closing connection: over its rate');
        refuse(overRate.code, overRate.reason);
        return;
      }
      if (!inbox.push(bytes)) {
        log.warn(
          { user: request.user?.id, queued: inbox.size },
          'closing connection: too many messages waiting',
        );
        refuse(CloseCode.queueFull, 'Too many messages waiting to be handled. Reconnecting.');
      }
    });
    socket.on('error', (err) => log.warn({ err }, 'websocket error'));
    socket.on('close', () => {
      closed = true;
      inbox.stop();
      releaseCap?.();
      if (room) {
        room.leave(conn);
        app.rooms.release(docName);
      }
    });

    void (async () => {
      if (!DOC_NAME.test(docName)) {
        refuse(CloseCode.notFound, 'No such document. Check the link, or open the ladder again.');
        return;
      }
      if (!sameOrigin(request.headers.origin, request.headers.host)) {
        refuse(CloseCode.forbidden, 'Connections from other sites are refused.');
        return;
      }
      const access = await resolveDocumentAccess(app.db, docName, request.user);
      if (!access.allowed) {
        log.info({ user: request.user?.id, code: access.code }, 'collab connection refused');
        refuse(access.code, access.reason);
        return;
      }
      if (closed) return;
      const cap = caps.open(request.user?.id ?? 'anonymous', docName);
      if ('refusal' in cap) {
        log.warn({ user: request.user?.id, reason: cap.refusal.reason }, 'collab connection refused');
        refuse(cap.refusal.code, cap.refusal.reason);
        return;
      }
      releaseCap = cap.release;
      conn = socketConnection(socket, {
        ...connectionOptions,
        canWrite: access.canWrite,
      });
      let acquired: Room;
      try {
        acquired = await app.rooms.acquire(docName);
      } catch (err) {
        log.error(
          { err },
          err instanceof DocumentLoadError ? 'document failed to load' : 'could not open room',
        );
        refuse(
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
      const joinedAs = conn;
      inbox.start((bytes) => acquired.receive(joinedAs, bytes));
    })().catch((err) => {
      log.error({ err }, 'collab connection setup failed');
      refuse(CloseCode.serverError, 'The server failed to open this document. Try again shortly.');
    });
  });
};

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
  // A copy: a view would keep the whole socket chunk it came in alive while the message waits.
  return new Uint8Array(data);
}

export default collabRoutes;
