import * as Y from 'yjs';
import type { FastifyBaseLogger } from 'fastify';
import type { CollabConfig } from '../config.ts';
import { DocumentStore, type LoadedFold } from './document-store.ts';
import { DocumentNotWritableError, GroupCommitter } from './group-commit.ts';
import { Room } from './room.ts';
import { CloseCode, type CollabConnection } from './connection.ts';
import {
  CONTROL_CHANNEL,
  type Announcement,
  type Fanout,
  type FanoutHandler,
  type FanoutMessage,
} from './fanout.ts';

/** How often connections are checked for an expired or ended session. */
const SESSION_EXPIRY_SWEEP_MS = 1000;
/**
 * How long an ended session is remembered: a socket that was still opening (access check,
 * document load) when its session ended joins its room later, and the sweep closes it then.
 */
const ENDED_SESSION_MEMORY_MS = 5 * 60_000;
/** How long a loading document waits for its fan-out subscription before loading anyway. */
const SUBSCRIBE_WAIT_MS = 2000;
/** After a failed catch-up read (the database is down too), the next try comes this much later. */
const RESYNC_RETRY_MS = 1000;

/** What the collaboration service reports, for metrics. All optional. */
export interface CollabEvents {
  resync?(reason: ResyncReason): void;
  fanoutMessage?(direction: 'in' | 'out', kind: string): void;
  committed?(seconds: number, size: number): void;
  refused?(reason: string): void;
  /** Another instance said people's notifications changed. */
  notificationsChanged?(): void;
}

export type ResyncReason =
  'gap' | 'missing-dependencies' | 'reconnect' | 'late-subscription' | 'peer-unsent' | 'retry';

/**
 * Says whether a live connection is still allowed what it was allowed when it opened (its session,
 * its user, its access to the document), after control messages may have been missed. Returns
 * the close to apply, or null to keep it.
 */
export type ConnectionVerifier = (
  conn: CollabConnection,
  documentName: string,
) => Promise<{ code: number; reason: string } | null>;

/**
 * Owns the live rooms of this process: loads a document once (concurrent joins share the load),
 * compacts its log in the background, and unloads it when idle and fully stored.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly compactions = new Map<string, Promise<void>>();
  private readonly holds = new Map<string, number>();
  /** Each loaded room's fan-out subscription, so unloading removes exactly its own. */
  private readonly subscriptions = new Map<Room, FanoutHandler>();
  private readonly onControl: FanoutHandler = (message) => {
    if (message.kind === 'revoke-user') this.closeUserConnectionsHere(message.userId);
    if (message.kind === 'revoke-session') this.closeSessionConnectionsHere(message.sessionId);
    if (message.kind === 'notifications') this.events.notificationsChanged?.();
  };
  private expirySweep: NodeJS.Timeout | undefined;
  /** Sessions ended (logged out) recently, with when to forget them. */
  private readonly endedSessions = new Map<string, number>();
  readonly committer: GroupCommitter;
  private closed = false;
  /** Per loaded room: the last update `seq` seen from each other instance. */
  private readonly seenSeqs = new Map<Room, Map<string, number>>();
  private readonly resyncing = new Map<Room, Promise<void>>();
  private readonly resyncAgain = new Set<Room>();
  private verifier: ConnectionVerifier | undefined;
  events: CollabEvents = {};

  constructor(
    readonly store: DocumentStore,
    private readonly config: CollabConfig,
    private readonly log: FastifyBaseLogger,
    /** Set when several instances share the database (Redis); absent for a single process. */
    private readonly fanout?: Fanout,
  ) {
    this.committer = new GroupCommitter((batch) => store.appendBatch(batch), {
      onError: (err, attempt) => log.error({ err, attempt }, 'group commit failed'),
      onCommitted: (seconds, size) => this.events.committed?.(seconds, size),
    });
  }

  /**
   * Subscribes to instance-wide control messages (revoked users and sessions) and starts closing
   * connections whose session expired; call once at start. Never waits for Redis.
   */
  async start(): Promise<void> {
    this.fanout
      ?.subscribe(CONTROL_CHANNEL, this.onControl)
      .catch((err) => this.log.error({ err }, 'could not subscribe to control messages'));
    this.fanout?.onReconnect(() => this.afterFanoutReconnect());
    this.expirySweep = setInterval(() => this.closeExpiredConnections(), SESSION_EXPIRY_SWEEP_MS);
    this.expirySweep.unref();
  }

  /** Set once by the websocket route, which knows how to check sessions and document access. */
  setConnectionVerifier(verifier: ConnectionVerifier): void {
    this.verifier = verifier;
  }

  /** Rooms currently loaded, with their connection counts (metrics). */
  get connectionCount(): number {
    let n = 0;
    for (const room of this.rooms.values()) n += room.connectionCount;
    return n;
  }

  /**
   * Brings a room up to what SQL holds: the whole stored state, applied (Yjs skips what the room
   * has) and broadcast to this instance's clients. Coalesced: one read in flight per room, plus
   * one more if asked again meanwhile. Retried while the database is unreachable.
   */
  requestResync(room: Room, reason: ResyncReason): void {
    this.events.resync?.(reason);
    if (this.resyncing.has(room)) {
      this.resyncAgain.add(room);
      return;
    }
    const run = (async () => {
      do {
        this.resyncAgain.delete(room);
        if (this.rooms.get(room.name) !== room) return;
        try {
          const state = await this.store.loadState(room.name);
          if (this.rooms.get(room.name) === room && !room.isBroken) room.applyRemoteUpdate(state);
        } catch (err) {
          this.log.warn({ err, room: room.name }, 'catching up from the database failed; retrying');
          const retry = setTimeout(() => this.requestResync(room, 'retry'), RESYNC_RETRY_MS);
          retry.unref();
          return;
        }
      } while (this.resyncAgain.has(room));
    })().finally(() => this.resyncing.delete(room));
    this.resyncing.set(room, run);
  }

  /** Redis came back: whatever was published meanwhile may be lost, so re-read and re-check. */
  private afterFanoutReconnect(): void {
    this.log.warn({ rooms: this.rooms.size }, 'fan-out reconnected; catching up from the database');
    for (const room of this.rooms.values()) this.requestResync(room, 'reconnect');
    void this.verifyConnections();
  }

  /** Closes connections that lost their session or access while control messages could be lost. */
  async verifyConnections(): Promise<void> {
    const verifier = this.verifier;
    if (!verifier) return;
    for (const room of [...this.rooms.values()]) {
      for (const conn of room.connectionList) {
        try {
          const close = await verifier(conn, room.name);
          if (close) conn.close(close.code, close.reason);
        } catch (err) {
          this.log.warn({ err, room: room.name }, 'could not re-check a connection');
        }
      }
    }
  }

  get loadedRoomNames(): string[] {
    return [...this.rooms.keys()];
  }

  getLoaded(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /** The live room for `name`, loading it if needed. Call `release` when done with it. */
  async acquire(name: string): Promise<Room> {
    if (this.closed) throw new Error('the collaboration service is shutting down');
    this.holds.set(name, (this.holds.get(name) ?? 0) + 1);
    this.cancelIdle(name);
    try {
      const unloading = this.unloading.get(name);
      if (unloading) await unloading;
      const existing = this.rooms.get(name);
      if (existing) return existing;
      let pending = this.loading.get(name);
      if (!pending) {
        pending = this.load(name).finally(() => this.loading.delete(name));
        this.loading.set(name, pending);
      }
      return await pending;
    } catch (err) {
      this.release(name);
      throw err;
    }
  }

  release(name: string): void {
    const holds = (this.holds.get(name) ?? 1) - 1;
    if (holds > 0) {
      this.holds.set(name, holds);
      return;
    }
    this.holds.delete(name);
    if (this.rooms.has(name)) this.scheduleIdle(name);
  }

  /** Runs a server-side change on a document and waits until it is stored. */
  async change(name: string, fn: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.acquire(name);
    try {
      room.transact(fn);
      await room.whenPersisted();
    } finally {
      this.release(name);
    }
  }

  /** Reads a document: from its live room when loaded, else from storage without keeping it. */
  async read<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const live = this.rooms.get(name);
    if (live) return fn(live.doc);
    const doc = new Y.Doc();
    try {
      await this.store.loadInto(name, doc);
      return fn(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Closes every live connection of a user whose access was revoked or changed, on every instance. */
  closeUserConnections(userId: string): void {
    this.closeUserConnectionsHere(userId);
    this.fanout?.publish(CONTROL_CHANNEL, { kind: 'revoke-user', userId });
  }

  /**
   * Closes a document's connections (all, or only those that may write) on every instance, e.g.
   * when its proposal is published or closed; clients reconnect and are checked again.
   */
  closeDocumentConnections(name: string, code: number, reason: string, writersOnly = false): void {
    this.rooms.get(name)?.closeWhere((c) => !writersOnly || c.canWrite, code, reason);
    this.fanout?.publish(`doc:${name}`, { kind: 'close', code, reason, writersOnly });
  }

  /**
   * Tells everyone in a document, on every instance, a fact the server alone knows (the ladder
   * was published as a new version), through the room's own awareness state. Only rooms loaded
   * somewhere have anyone to tell; nothing is loaded for it.
   */
  announce(name: string, fields: Announcement): void {
    this.rooms.get(name)?.announce(fields);
    this.fanout?.publish(`doc:${name}`, { kind: 'announce', fields });
  }

  /** Tells the other instances that people's notifications changed (their open bells look again). */
  publishNotificationsChanged(): void {
    this.fanout?.publish(CONTROL_CHANNEL, { kind: 'notifications' });
  }

  /** Closes the live connections opened with one session (logged out), on every instance. */
  closeSessionConnections(sessionId: string): void {
    this.closeSessionConnectionsHere(sessionId);
    this.fanout?.publish(CONTROL_CHANNEL, { kind: 'revoke-session', sessionId });
  }

  private closeUserConnectionsHere(userId: string): void {
    for (const room of this.rooms.values()) {
      room.closeWhere(
        (c) => c.userId === userId,
        CloseCode.signedOut,
        'Your access changed. Sign in again to continue.',
      );
    }
  }

  private closeSessionConnectionsHere(sessionId: string): void {
    this.endedSessions.set(sessionId, Date.now() + ENDED_SESSION_MEMORY_MS);
    for (const room of this.rooms.values()) {
      room.closeWhere(
        (c) => c.sessionId === sessionId,
        CloseCode.signedOut,
        'You signed out. Sign in again to continue.',
      );
    }
  }

  /**
   * Each instance closes its own connections whose session expired (no message needed), and any
   * that joined after their session was ended.
   */
  private closeExpiredConnections(now = Date.now()): void {
    for (const [sessionId, forgetAt] of this.endedSessions) {
      if (forgetAt <= now) this.endedSessions.delete(sessionId);
    }
    for (const room of this.rooms.values()) {
      room.closeWhere(
        (c) => c.sessionExpiresAt != null && c.sessionExpiresAt <= now,
        CloseCode.signedOut,
        'Your session expired. Sign in again to continue.',
      );
      if (this.endedSessions.size > 0) {
        room.closeWhere(
          (c) => c.sessionId != null && this.endedSessions.has(c.sessionId),
          CloseCode.signedOut,
          'You signed out. Sign in again to continue.',
        );
      }
    }
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.expirySweep);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.allSettled([...this.loading.values()]);
    await Promise.allSettled([...this.unloading.values()]);
    for (const room of this.rooms.values()) {
      room.closeAll(CloseCode.restarting, 'Server is restarting; reconnecting.');
      await room.whenPersisted().catch(() => {});
      room.destroy();
      await this.unsubscribe(room);
    }
    this.rooms.clear();
    await this.fanout?.unsubscribe(CONTROL_CHANNEL, this.onControl);
  }

  private async load(name: string): Promise<Room> {
    const doc = new Y.Doc({ gc: true });
    // Subscribe before reading storage, so nothing another instance stores meanwhile is missed;
    // what arrives during the load is applied after it (updates are idempotent). Redis being slow
    // or down never stops the load: the room then catches up from SQL once subscribed.
    let room: Room | undefined;
    const early: Array<[FanoutMessage, string]> = [];
    const handler: FanoutHandler = (message, from) =>
      room ? this.deliver(room, message, from) : early.push([message, from]);
    let subscribedInTime = true;
    if (this.fanout) {
      const subscribed = this.fanout.subscribe(`doc:${name}`, handler);
      subscribedInTime = await settlesWithin(subscribed, SUBSCRIBE_WAIT_MS);
      if (!subscribedInTime) {
        this.log.warn({ room: name }, 'fan-out subscription is slow; loading without waiting for it');
        subscribed.then(
          () => {
            if (room && this.rooms.get(name) === room) this.requestResync(room, 'late-subscription');
          },
          (err) => this.log.error({ err, room: name }, 'fan-out subscription failed'),
        );
      }
    }
    try {
      const { updateCount, fold } = await this.store.loadInto(name, doc, {
        foldAtLeast: this.config.compactAfterUpdates,
      });
      const fanout = this.fanout;
      room = new Room(name, doc, this.committer, updateCount, {
        log: this.log,
        awareness: {
          maxClients: this.config.limits.maxAwarenessClients,
          maxStateBytes: this.config.limits.maxAwarenessStateBytes,
        },
        onPersisted: (r) => this.maybeCompact(r),
        onRefused: (reason) => this.events.refused?.(reason),
        onBroken: (r, err) => {
          this.events.refused?.(err instanceof DocumentNotWritableError ? 'read_only' : 'storage_failed');
          this.drop(r);
        },
        ...(fanout
          ? {
              publishUpdate: (data) => {
                this.events.fanoutMessage?.('out', 'update');
                fanout.publish(`doc:${name}`, { kind: 'update', data });
              },
              publishAwareness: (data) => fanout.publish(`doc:${name}`, { kind: 'awareness', data }),
            }
          : {}),
      });
      this.subscriptions.set(room, handler);
      this.seenSeqs.set(room, new Map());
      for (const [message, from] of early) this.deliver(room, message, from);
      this.rooms.set(name, room);
      // A long log (compactions failed, or the threshold was raised) is folded from what the load
      // just replayed, instead of being read and replayed again at the next edit; after the turn
      // that answers the clients waiting for this load.
      if (fold) setImmediate(() => void this.compact(room!, { fold }));
      return room;
    } catch (err) {
      await this.fanout?.unsubscribe(`doc:${name}`, handler).catch(() => {});
      doc.destroy();
      throw err;
    }
  }

  private deliver(room: Room, message: FanoutMessage, from: string): void {
    this.events.fanoutMessage?.('in', message.kind);
    try {
      if (message.kind === 'update') {
        const seen = this.seenSeqs.get(room);
        const last = seen?.get(from);
        seen?.set(from, Math.max(message.seq, last ?? 0));
        room.applyRemoteUpdate(message.data);
        // A jump in the sender's numbering, or an update that needs changes we never got:
        // something was lost on the way; SQL has it.
        if (last !== undefined && message.seq > last + 1) this.requestResync(room, 'gap');
        else if (room.hasMissingDependencies) this.requestResync(room, 'missing-dependencies');
      } else if (message.kind === 'awareness') room.applyRemoteAwareness(message.data);
      else if (message.kind === 'resync') this.requestResync(room, 'peer-unsent');
      else if (message.kind === 'announce') room.announce(message.fields);
      else if (message.kind === 'close')
        room.closeWhere((c) => !message.writersOnly || c.canWrite, message.code, message.reason);
    } catch (err) {
      this.log.error({ err, room: room.name }, 'could not apply a message from another instance');
    }
  }

  private async unsubscribe(room: Room): Promise<void> {
    const handler = this.subscriptions.get(room);
    if (!handler) return;
    this.subscriptions.delete(room);
    await this.fanout
      ?.unsubscribe(`doc:${room.name}`, handler)
      .catch((err) => this.log.warn({ err }, 'unsubscribe failed'));
  }

  private drop(room: Room): void {
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    this.seenSeqs.delete(room);
    room.destroy();
    void this.unsubscribe(room);
  }

  private maybeCompact(room: Room): void {
    if (room.updatesSinceCompaction < this.config.compactAfterUpdates) return;
    if (this.compactions.has(room.name)) return; // the running one picks these up next time
    void this.compact(room);
  }

  /**
   * Folds the room's log into its snapshot. A call made while a compaction runs waits for it and
   * then folds what arrived meanwhile, so "compacted" always means "up to this call".
   */
  private async compact(
    room: Room,
    { whole = false, fold }: { whole?: boolean; fold?: LoadedFold } = {},
  ): Promise<void> {
    const running = this.compactions.get(room.name);
    if (running) {
      await running;
      if (!whole && room.updatesSinceCompaction === 0) return;
      return this.compact(room, { whole });
    }
    const run = (async () => {
      try {
        const { folded } = fold
          ? await this.store.foldLoaded(room.name, fold)
          : await this.store.compact(room.name);
        room.updatesSinceCompaction = Math.max(0, room.updatesSinceCompaction - folded);
      } catch (err) {
        this.log.error({ err, room: room.name }, 'compaction failed; the update log is kept as it is');
      }
    })().finally(() => this.compactions.delete(room.name));
    this.compactions.set(room.name, run);
    return run;
  }

  private scheduleIdle(name: string): void {
    this.cancelIdle(name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(name);
      void this.unloadIfIdle(name);
    }, this.config.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(name, timer);
  }

  private cancelIdle(name: string): void {
    const timer = this.idleTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(name);
    }
  }

  private unloadIfIdle(name: string): Promise<void> {
    const room = this.rooms.get(name);
    if (!room || this.holds.has(name) || room.connectionCount > 0) return Promise.resolve();
    const unload = (async () => {
      try {
        await room.whenPersisted();
        await this.compact(room, { whole: true }); // cheap when the log is empty; the counter is only a hint
      } catch (err) {
        this.log.error({ err, room: name }, 'unloading a room whose last updates failed to store');
      } finally {
        if (this.rooms.get(name) === room) this.rooms.delete(name);
        this.seenSeqs.delete(room);
        room.destroy();
        await this.unsubscribe(room);
      }
    })().finally(() => this.unloading.delete(name));
    this.unloading.set(name, unload);
    return unload;
  }
}

/** Whether `promise` settles (either way) within `ms`. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    promise.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(true);
      },
    );
  });
}
