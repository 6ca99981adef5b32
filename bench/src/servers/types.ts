import type { LadderContent } from '@rungs/shared';

export type ServerId = 'rungs' | 'hocuspocus' | 'y-websocket';

/** The wire protocol a server speaks: plain y-websocket, or Hocuspocus's (document name + auth first). */
export type Protocol = 'y-websocket' | 'hocuspocus';

export interface BenchDocument {
  /** The room name clients join. */
  name: string;
  /** Cookie header the websocket upgrade must carry (Rungs checks the session on upgrade). */
  cookie?: string;
  /** True when the server already holds the ladder; otherwise the first client writes it. */
  seeded: boolean;
}

export interface BenchServer {
  id: ServerId;
  label: string;
  /** Exactly how this server is configured, for the report. */
  configuration: string;
  /** What it does with an update before other editors see it. */
  persistence: string;
  protocol: Protocol;
  /** y-websocket: the base URL the room name is appended to; Hocuspocus: the server URL. */
  wsUrl: string;
  pid(): number;
  cpuSeconds(): number;
  /** A new document holding `content` (or, for the references, a fresh room the first client seeds). */
  createDocument(content: LadderContent): Promise<BenchDocument>;
  /** Its Prometheus metrics (`GET /metrics`), where it has them. */
  metrics?(): Promise<string>;
  /** What the server process printed (every process, across restarts), where the bench keeps it. */
  output?(): string;
  /** The SQLite file it stores in, where it has one of its own. */
  sqliteFile?: string;
  kill9(): Promise<void>;
  /** Start again on the same port and the same stored data; `between` runs while it is stopped. */
  restart(between?: () => Promise<void> | void): Promise<void>;
  stop(): Promise<void>;
}
