import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, type CollabConnection } from './connection.ts';
import { DocumentNotWritableError, type GroupCommitter } from './group-commit.ts';
import type { Announcement } from './fanout.ts';
import { describeLadderLimitProblem } from '@rungs/shared';
import { filterAwareness, type AwarenessLimits } from './awareness-policy.ts';
import { LadderSizeGuard } from './ladder-size-guard.ts';
import {
  encodeAwarenessEntries,
  isJsonText,
  encodeAwarenessStates,
  encodePersisted,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  parseIncoming,
  ProtocolError,
} from './protocol.ts';

export interface RoomHooks {
  /** Another instance's clients may be in this document: share what this one stored (scale-out). */
  publishUpdate?(update: Uint8Array): void;
  publishAwareness?(update: Uint8Array): void;
  /** After a batch of this room's updates is durably stored. */
  onPersisted?(room: Room): void;
  /**
   * The room can't keep its promises (storage failed, or the database refused an update because
   * the document is read-only now): its memory holds an edit SQL does not; the manager drops it.
   */
  onBroken?(room: Room, err: unknown): void;
  log?: {
    debug?(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
  /** A message refused or a connection closed by a rule (metrics). */
  onRefused?(reason: string): void;
  /** Presence limits per connection; defaults to 4 ids of 8 KB each. */
  awareness?: AwarenessLimits;
}

const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = { maxClients: 4, maxStateBytes: 8 * 1024 };
/** Stands for clients of other instances as the owner of their presence. */
const REMOTE_OWNER = { remote: true };

/** Transaction origin for edits made by the server itself (REST, restore, import). */
export const SERVER_ORIGIN = Symbol('rungs-server');
/** Transaction origin for updates another instance already stored and published. */
export const REMOTE_ORIGIN = Symbol('rungs-remote-instance');
/**
 * Origin for a remote update applied while this document held edits waiting for a missing
 * dependency: Yjs integrates those waiting edits (maybe a local client's) in the same
 * transaction, so what it emits is stored like a local edit, not only broadcast.
 */
const REMOTE_RESOLVING_ORIGIN = Symbol('rungs-remote-resolving');

/**
 * A live document and the connections editing it. Every update is stored (group commit) before
 * it is broadcast, and a joining client is only sent state that is already stored.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  /** Each connection and the awareness client ids it owns (introduced and still present). */
  private readonly connections = new Map<CollabConnection, Set<number>>();
  private readonly awarenessOwners = new Map<number, CollabConnection | typeof REMOTE_OWNER>();
  private readonly sizeGuard: LadderSizeGuard;
  private appliedSeq = 0;
  private persistedSeq = 0;
  private lastPersist: Promise<void> = Promise.resolve();
  private broken = false;
  private brokenBy: unknown;
  private outbox: Array<{ update: Uint8Array; origin: unknown }> = [];
  private readonly awarenessChanged = new Set<number>();
  /** Awareness ids changed by this instance's own clients (the ones to publish). */
  private readonly awarenessChangedHere = new Set<number>();
  updatesSinceCompaction: number;

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly committer: GroupCommitter,
    loadedUpdates: number,
    private readonly hooks: RoomHooks = {},
  ) {
    this.updatesSinceCompaction = loadedUpdates;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.sizeGuard = new LadderSizeGuard(doc);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  get connectionList(): CollabConnection[] {
    return [...this.connections.keys()];
  }

  get isBroken(): boolean {
    return this.broken;
  }

  /** Resolves once every update applied so far is stored. */
  async whenPersisted(): Promise<void> {
    while (this.persistedSeq < this.appliedSeq && !this.broken) await this.lastPersist.catch(() => {});
    if (this.broken) {
      if (this.brokenBy instanceof DocumentNotWritableError) throw this.brokenBy;
      throw new Error(`document ${this.name} could not be saved`, { cause: this.brokenBy });
    }
  }

  join(conn: CollabConnection): void {
    this.connections.set(conn, new Set());
    conn.send(encodeSyncStep1(this.doc));
    if (this.awareness.getStates().size > 0) conn.send(encodeAwarenessStates(this.awareness));
  }

  leave(conn: CollabConnection): void {
    const controlled = this.connections.get(conn);
    this.connections.delete(conn);
    if (controlled && controlled.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], conn);
    }
  }

  /** Handles one raw message; a malformed one closes only `conn` and changes nothing. */
  async receive(conn: CollabConnection, data: Uint8Array): Promise<void> {
    if (!this.connections.has(conn)) return;
    let message;
    try {
      message = parseIncoming(data);
    } catch (err) {
      const reason = err instanceof ProtocolError ? err.message : 'undecodable message';
      this.hooks.log?.warn(
        { room: this.name, conn: conn.id, reason },
        'closing connection: malformed message',
      );
      this.hooks.onRefused?.('malformed');
      conn.close(CloseCode.invalidMessage, truncateReason(`Malformed message: ${reason}`));
      return;
    }
    switch (message.kind) {
      case 'sync-step1': {
        if (conn.allowFullState && !conn.allowFullState()) return; // throttled: a resync asks again
        try {
          await this.whenPersisted();
        } catch {
          return; // the room is broken; onBroken closes every connection
        }
        if (this.connections.has(conn)) conn.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      }
      case 'update': {
        if (!conn.canWrite) {
          this.hooks.onRefused?.('read_only_connection');
          return; // read-only: dropped, never applied, stored or broadcast
        }
        const size = this.sizeGuard.check(message.update, message.decoded);
        if (!size.ok) {
          this.hooks.onRefused?.(size.problem ? 'ladder_too_large' : 'malformed');
          this.hooks.log?.warn(
            { room: this.name, conn: conn.id, problem: size.problem },
            'closing connection: update refused by the ladder size limits',
          );
          if (size.problem) {
            conn.close(CloseCode.ladderTooLarge, truncateReason(describeLadderLimitProblem(size.problem)));
          } else {
            conn.close(CloseCode.invalidMessage, 'Malformed message: the update refers to unknown changes');
          }
          return;
        }
        try {
          Y.applyUpdate(this.doc, message.update, conn);
        } catch (err) {
          this.hooks.log?.warn(
            { room: this.name, conn: conn.id, err },
            'closing connection: update failed to apply',
          );
          conn.close(CloseCode.invalidMessage, 'Malformed message: the update could not be applied');
        }
        return;
      }
      case 'awareness': {
        const verdict = filterAwareness(
          message.entries,
          conn,
          this.connections.get(conn)!,
          (id) => this.awarenessOwners.get(id),
          this.awareness.clientID,
          this.hooks.awareness ?? DEFAULT_AWARENESS_LIMITS,
        );
        if (verdict.refused.length > 0) {
          // Debug, not warn: every y-websocket client echoes the others' presence back (refused as
          // not its own), one line per caret move per editor otherwise.
          this.hooks.log?.debug?.(
            { room: this.name, conn: conn.id, refused: [...new Set(verdict.refused)] },
            'awareness entries refused',
          );
        }
        if (verdict.accepted.length === 0) return;
        if (!verdict.accepted.every((entry) => isJsonText(entry.state))) {
          this.hooks.onRefused?.('malformed');
          conn.close(CloseCode.invalidMessage, 'Malformed message: an awareness state is not JSON');
          return;
        }
        try {
          awarenessProtocol.applyAwarenessUpdate(
            this.awareness,
            encodeAwarenessEntries(verdict.accepted),
            conn,
          );
        } catch {
          conn.close(CloseCode.invalidMessage, 'Malformed message: bad awareness update');
        }
        return;
      }
      case 'query-awareness':
        if (conn.allowFullState && !conn.allowFullState()) return;
        conn.send(encodeAwarenessStates(this.awareness));
        return;
      case 'auth':
        return;
    }
  }

  /** Apply a change made by the server (REST, restore); stored and broadcast like any other. */
  transact(fn: (doc: Y.Doc) => void): void {
    this.doc.transact(() => fn(this.doc), SERVER_ORIGIN);
  }

  /** An update another instance stored and published: applied and broadcast, not stored again. */
  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, this.hasMissingDependencies ? REMOTE_RESOLVING_ORIGIN : REMOTE_ORIGIN);
  }

  /** Whether some applied updates wait for changes this document has not seen (yet). */
  get hasMissingDependencies(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  /**
   * Sets fields of the room's own awareness state (the server's client id): what every client in
   * the room sees, e.g. `{ ladderPublished: 3 }`. Each instance tells its own clients; it is not
   * sent to the other instances as awareness (they get the announcement and set their own).
   */
  announce(fields: Announcement): void {
    this.awareness.setLocalState({ ...(this.awareness.getLocalState() ?? {}), ...fields });
  }

  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  closeAll(code: number, reason: string): void {
    for (const conn of [...this.connections.keys()]) conn.close(code, reason);
  }

  closeWhere(predicate: (conn: CollabConnection) => boolean, code: number, reason: string): void {
    for (const conn of [...this.connections.keys()]) if (predicate(conn)) conn.close(code, reason);
  }

  destroy(): void {
    this.sizeGuard.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === 'load') return;
    if (this.broken) return;
    if (origin === REMOTE_ORIGIN) {
      this.queueBroadcast(update, origin); // stored by the instance that published it
      return;
    }
    const seq = ++this.appliedSeq;
    this.updatesSinceCompaction++;
    const persisted = this.committer.enqueue({ documentName: this.name, update });
    this.lastPersist = persisted.then(
      () => {
        this.persistedSeq = seq;
        this.queueBroadcast(update, origin);
        this.hooks.onPersisted?.(this);
      },
      (err) => this.markBroken(err),
    );
  };

  private closeReason(err: unknown): { code: number; reason: string } {
    if (err instanceof DocumentNotWritableError) {
      return {
        code: CloseCode.becameReadOnly,
        reason:
          'This document became read-only before your last edits were saved; they stay in this browser.',
      };
    }
    return {
      code: CloseCode.serverError,
      reason: 'Server could not save changes; your edits stay in this browser and are resent on reconnect.',
    };
  }

  /**
   * Stored updates go out once per group commit: one commit resolves many updates at
   * once, and sending them as one merged message costs one send per connection instead of one
   * per update per connection (the cost that grows with many editors).
   */
  private queueBroadcast(update: Uint8Array, origin: unknown): void {
    this.outbox.push({ update, origin });
    // A microtask runs after every resolution of the same group commit (they were queued first),
    // so one commit goes out as one message without waiting for another event-loop turn.
    if (this.outbox.length === 1) queueMicrotask(this.flushOutbox);
  }

  private readonly flushOutbox = (): void => {
    const batch = this.outbox;
    this.outbox = [];
    if (batch.length === 0 || this.broken) return;
    if (this.connections.size > 0) {
      if (batch.length === 1) {
        const message = encodeUpdate(batch[0]!.update);
        for (const conn of this.connections.keys()) if (conn !== batch[0]!.origin) conn.send(message);
      } else {
        // Authors get their own edits back inside the merged update: Yjs ignores what it has.
        const message = encodeUpdate(Y.mergeUpdates(batch.map((b) => b.update)));
        for (const conn of this.connections.keys()) conn.send(message);
      }
    }
    const stored = new Map<CollabConnection, Map<number, number>>();
    const addClocks = (conn: CollabConnection, update: Uint8Array) => {
      const clocks = stored.get(conn) ?? new Map<number, number>();
      for (const [client, clock] of Y.parseUpdateMeta(update).to) {
        clocks.set(client, Math.max(clock, clocks.get(client) ?? 0));
      }
      stored.set(conn, clocks);
    };
    for (const { update, origin } of batch) {
      // Whose edits a resolving update holds is unknown: everyone hears what is stored now.
      if (origin === REMOTE_RESOLVING_ORIGIN)
        for (const conn of this.connections.keys()) addClocks(conn, update);
      else if (isConnection(origin) && this.connections.has(origin)) addClocks(origin, update);
    }
    for (const [conn, clocks] of stored) conn.send(encodePersisted(clocks));
    if (this.hooks.publishUpdate) {
      const local = batch.filter((b) => b.origin !== REMOTE_ORIGIN).map((b) => b.update);
      if (local.length > 0) this.hooks.publishUpdate(local.length === 1 ? local[0]! : Y.mergeUpdates(local));
    }
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owner = isConnection(origin) ? origin : origin === REMOTE_ORIGIN ? REMOTE_OWNER : undefined;
    if (owner) {
      for (const id of added) {
        this.awarenessOwners.set(id, owner);
        if (owner !== REMOTE_OWNER) this.connections.get(owner as CollabConnection)?.add(id);
      }
    }
    // Removed for any reason (the owner, its leaving, the 30 s timeout): nobody owns it any more.
    for (const id of removed) {
      const previous = this.awarenessOwners.get(id);
      this.awarenessOwners.delete(id);
      if (previous && previous !== REMOTE_OWNER)
        this.connections.get(previous as CollabConnection)?.delete(id);
    }
    const first = this.awarenessChanged.size === 0;
    for (const id of [...added, ...updated, ...removed]) {
      this.awarenessChanged.add(id);
      if (origin !== REMOTE_ORIGIN) this.awarenessChangedHere.add(id);
    }
    if (first && this.awarenessChanged.size > 0) setImmediate(this.flushAwareness);
  };

  /** Awareness (carets, presence) also goes out once per turn, to everyone, latest state only. */
  private readonly flushAwareness = (): void => {
    const changed = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    const here = [...this.awarenessChangedHere].filter((id) => id !== this.awareness.clientID);
    this.awarenessChangedHere.clear();
    if (here.length > 0 && this.hooks.publishAwareness) {
      this.hooks.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, here));
    }
    if (changed.length === 0 || this.connections.size === 0) return;
    const message = encodeAwarenessStates(this.awareness, changed);
    for (const conn of this.connections.keys()) conn.send(message);
  };

  private markBroken(err: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.brokenBy = err;
    if (err instanceof DocumentNotWritableError) {
      this.hooks.log?.warn({ room: this.name, reason: err.reason }, 'update refused: document not writable');
    } else {
      this.hooks.log?.error({ room: this.name, err }, 'could not store updates; dropping the room');
    }
    const { code, reason } = this.closeReason(err);
    this.closeAll(code, reason);
    this.hooks.onBroken?.(this, err);
  }
}

function isConnection(origin: unknown): origin is CollabConnection {
  return typeof origin === 'object' && origin !== null && 'send' in origin && 'canWrite' in origin;
}

/** Websocket close reasons are limited to 123 bytes. */
export function truncateReason(reason: string): string {
  const bytes = Buffer.from(reason);
  return bytes.length <= 123
    ? reason
    : bytes
        .subarray(0, 120)
        .toString('utf8')
        .replace(/\uFFFD$/, '') + '...';
}
