import * as Y from 'yjs';
import { writeLadderContent } from '@rungs/shared';
import { connectEditor, type ClientKind } from './clients.ts';
import { LOCAL, waitFor, type ConnectionEvents, type Editor, type Endpoint } from './editor.ts';
import { benchLadder, caretText, cellForEditor } from './ladder.ts';
import type { BenchServer } from './servers/index.ts';
import { DeliveryTracker } from './tracker.ts';

const LETTERS = 'expect clear written ownership ';

export interface RoomOptions {
  /** Where the editors connect, in turn (editor i to endpoint i % n); default: the server. */
  endpoints?: Endpoint[];
  /** A passive observer besides the editors (default true: one editor has someone to reach). */
  observer?: boolean;
  /** Errors and unexpected closes of raw clients. */
  events?: ConnectionEvents;
}

/** N editors and one observer in one fresh ladder document on one server, every arrival timed. */
export class TypingRoom {
  readonly tracker = new DeliveryTracker();
  /** Typing time so far; the first `warmupMs` of it is not measured. */
  typedMs = 0;
  private readonly clients: Editor[] = [];
  private readonly editors: { editor: Editor; text: Y.XmlText; typed: number; group: number }[] = [];

  private constructor(readonly server: BenchServer) {}

  static async join(
    server: BenchServer,
    editors: number,
    clients: ClientKind,
    options: RoomOptions = {},
  ): Promise<TypingRoom> {
    const room = new TypingRoom(server);
    try {
      await room.connect(editors, clients, options);
      return room;
    } catch (err) {
      room.destroy();
      throw err;
    }
  }

  private async connect(count: number, kind: ClientKind, options: RoomOptions): Promise<void> {
    const content = benchLadder();
    const document = await this.server.createDocument(content);
    const endpoints = options.endpoints ?? [this.server];
    const groupOf = (i: number) => i % endpoints.length;
    if (options.observer ?? true) {
      // The observer joins first; on the reference servers it brings the ladder into the empty room.
      const observerDoc = new Y.Doc();
      if (!document.seeded) writeLadderContent(observerDoc, content);
      const observer = connectEditor(
        kind,
        endpoints[0]!,
        document,
        this.tracker,
        observerDoc,
        0,
        options.events,
      );
      this.clients.push(observer);
      await waitFor(() => observer.isSynced(), 'the observer to sync');
    }

    // Without an observer, on the reference servers a client outside the measure brings the ladder,
    // and stays until every editor has it.
    let seeder: Editor | undefined;
    if (!document.seeded && !(options.observer ?? true)) {
      const seededDoc = new Y.Doc();
      writeLadderContent(seededDoc, content);
      seeder = connectEditor('provider', endpoints[0]!, document, null, seededDoc);
      await waitFor(() => seeder!.isSynced(), 'the seeding client to sync');
    }
    const editors: Editor[] = [];
    for (let i = 0; i < count; i += 10) {
      const batch = Array.from({ length: Math.min(10, count - i) }, (_, k) => {
        const group = groupOf(i + k);
        return connectEditor(
          kind,
          endpoints[group]!,
          document,
          this.tracker,
          undefined,
          group,
          options.events,
        );
      });
      editors.push(...batch);
      this.clients.push(...batch);
      await waitFor(() => batch.every((e) => e.isSynced()), 'editors to sync');
    }
    await waitFor(
      () => editors.every((e, i) => e.doc.getXmlFragment(cellForEditor(i)).length > 0),
      'editors to receive the ladder',
    );
    seeder?.destroy();
    editors.forEach((editor, i) => {
      editor.awareness.setLocalStateField('user', {
        name: `Editor ${i + 1}`,
        color: `hsl(${(i * 37) % 360} 70% 45%)`,
      });
      this.editors.push({
        editor,
        text: caretText(editor.doc, cellForEditor(i)),
        typed: 0,
        group: groupOf(i),
      });
    });
  }

  /**
   * Every editor types until `endsAt`, one keystroke every [min, max] ms; keystrokes typed once
   * `measureFrom` has passed are measured.
   */
  async type(options: {
    endsAt: number;
    measureFrom: number;
    minIntervalMs: number;
    maxIntervalMs: number;
    awareness: boolean;
  }): Promise<void> {
    const started = performance.now();
    const pause = () =>
      options.minIntervalMs + Math.random() * (options.maxIntervalMs - options.minIntervalMs);
    const timers = new Set<NodeJS.Timeout>();
    const later = (fn: () => void, ms: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    };
    for (const e of this.editors) {
      const { editor, text } = e;
      const keystroke = () => {
        const now = performance.now();
        if (now >= options.endsAt) return;
        editor.doc.transact(() => text.insert(text.length, LETTERS[e.typed++ % LETTERS.length]!), LOCAL);
        const clock = Y.getState(editor.doc.store, editor.doc.clientID);
        this.tracker.recordKeystroke(editor.doc.clientID, clock, now, now >= options.measureFrom, e.group);
        if (options.awareness) {
          const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
          editor.awareness.setLocalStateField('cursor', { anchor: caret, head: caret });
        }
        later(keystroke, pause());
      };
      later(keystroke, Math.random() * options.maxIntervalMs);
    }
    // The slice ends for everyone at once; pending keystrokes are dropped, not typed late.
    await new Promise((r) => setTimeout(r, Math.max(0, options.endsAt - performance.now())));
    for (const timer of timers) clearTimeout(timer);
    this.typedMs += options.endsAt - started;
  }

  /** Waits until every measured keystroke has reached every other client, or `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    const done = () => this.tracker.samples.count >= this.tracker.expectedDeliveries;
    await waitFor(done, 'the last keystrokes to arrive', timeoutMs).catch(() => {});
    return done();
  }

  destroy(): void {
    for (const c of this.clients) c.destroy();
  }
}
