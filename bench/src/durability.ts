import * as Y from 'yjs';
import { writeLadderContent } from '@rungs/shared';
import { connectEditor, connectProviderEditor } from './clients.ts';
import { LOCAL, waitFor, type Editor, type Endpoint } from './editor.ts';
import { benchLadder, caretText, cellForEditor } from './ladder.ts';
import type { BenchServer } from './servers/index.ts';

export interface DurabilityOptions {
  /** Quiet time after the ladder is loaded, so a debounced store has saved it before the burst. */
  idleMs: number;
  /** The burst is cut by kill -9 after this long. */
  burstMs: number;
  /** One edit every `intervalMs` from the writer. */
  intervalMs: number;
}

export interface DurabilityResult {
  server: string;
  persistence: string;
  /** Edits the writer made before the kill. */
  typed: number;
  /** Edits the observer (another editor) had received when the server died. */
  seen: number;
  /** Edits the server had acknowledged to the writer as stored (message 100) when it died. */
  acknowledged: number;
  /** Edits in the document the restarted server serves. */
  storedAfterRestart: number;
  /** Edits another editor had seen that the restarted server no longer has. */
  lostAfterSeen: number;
  /** Acknowledged edits that the restarted server no longer has. */
  lostAfterAcknowledged: number;
  /** The numbers of the lost edits (seen or acknowledged), for a report on a defect. */
  lostEdits: number[];
  restartMs: number;
}

const TOKEN = /\[(\d+)\]/g;

function tokensIn(doc: Y.Doc, fragment: string): Set<number> {
  return new Set([...doc.getXmlFragment(fragment).toString().matchAll(TOKEN)].map((m) => Number(m[1])));
}

/**
 * One writer types numbered edits while an observer watches (on the same server, or on
 * `observerOn`: another instance of a cluster); mid-burst the server gets kill -9 and is
 * restarted on the same storage. Counts the edits the observer had seen, and those the server
 * had acknowledged as stored, that are gone.
 */
export async function runDurability(
  server: BenchServer,
  options: DurabilityOptions,
  observerOn: Endpoint = server,
): Promise<DurabilityResult> {
  const content = benchLadder();
  const document = await server.createDocument(content);
  const cell = cellForEditor(0);
  const clients: Editor[] = [];
  let seen: Set<number>;
  let typed = 0;
  const clocks: number[] = []; // clocks[n - 1]: the writer's clock just past edit n
  let storedClock = 0;
  let acknowledged = 0;
  try {
    const observerDoc = new Y.Doc();
    if (!document.seeded) writeLadderContent(observerDoc, content);
    const observer = connectEditor('provider', observerOn, document, null, observerDoc);
    clients.push(observer);
    await waitFor(() => observer.isSynced(), 'the observer to sync');
    const writer = connectProviderEditor(server, document, new Y.Doc(), (clock) => {
      storedClock = Math.max(storedClock, clock);
    });
    clients.push(writer);
    await waitFor(
      () => writer.isSynced() && writer.doc.getXmlFragment(cell).length > 0,
      'the writer to sync',
    );
    await new Promise((r) => setTimeout(r, options.idleMs));

    const text = caretText(writer.doc, cell);
    const timer = setInterval(() => {
      writer.doc.transact(() => text.insert(text.length, `[${++typed}]`), LOCAL);
      clocks.push(Y.getState(writer.doc.store, writer.doc.clientID));
    }, options.intervalMs);
    await new Promise((r) => setTimeout(r, options.burstMs));
    await server.kill9();
    clearInterval(timer);
    acknowledged = clocks.filter((c) => c <= storedClock).length;
    // Gone at once: a provider that reconnects would resend its edits and hide the loss.
    writer.destroy();
    clients.splice(clients.indexOf(writer), 1);
    // Let the observer read whatever had already been written to its socket.
    await new Promise((r) => setTimeout(r, 300));
    seen = tokensIn(observer.doc, cell);
  } finally {
    for (const c of clients) c.destroy();
  }

  const restartStart = performance.now();
  await server.restart();
  const restartMs = performance.now() - restartStart;
  const reader = connectEditor('provider', server, document, null);
  try {
    await waitFor(() => reader.isSynced(), 'the reader to sync after the restart');
    const stored = tokensIn(reader.doc, cell);
    // Edits are numbered in order, so the acknowledged ones are 1..acknowledged.
    const lostAcknowledged = Array.from({ length: acknowledged }, (_, i) => i + 1).filter(
      (k) => !stored.has(k),
    );
    const lostSeen = [...seen].filter((k) => !stored.has(k));
    return {
      server: server.id,
      persistence: server.persistence,
      typed,
      seen: seen.size,
      acknowledged,
      storedAfterRestart: stored.size,
      lostAfterSeen: lostSeen.length,
      lostAfterAcknowledged: lostAcknowledged.length,
      lostEdits: [...new Set([...lostSeen, ...lostAcknowledged])].sort((a, b) => a - b),
      restartMs,
    };
  } finally {
    reader.destroy();
  }
}
