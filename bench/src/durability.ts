import * as Y from 'yjs';
import { writeLadderContent } from '@rungs/shared';
import { connectEditor } from './clients.ts';
import { LOCAL, waitFor, type Editor } from './editor.ts';
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
  /** Edits in the document the restarted server serves. */
  storedAfterRestart: number;
  /** Edits another editor had seen that the restarted server no longer has. */
  lostAfterSeen: number;
  restartMs: number;
}

const TOKEN = /\[(\d+)\]/g;

function tokensIn(doc: Y.Doc, fragment: string): Set<number> {
  return new Set([...doc.getXmlFragment(fragment).toString().matchAll(TOKEN)].map((m) => Number(m[1])));
}

/**
 * One writer types numbered edits while an observer watches; mid-burst the server gets kill -9
 * and is restarted on the same storage. Counts the edits the observer had seen that are gone.
 */
export async function runDurability(
  server: BenchServer,
  options: DurabilityOptions,
): Promise<DurabilityResult> {
  const content = benchLadder();
  const document = await server.createDocument(content);
  const cell = cellForEditor(0);
  const clients: Editor[] = [];
  let seen: Set<number>;
  let typed = 0;
  try {
    const observerDoc = new Y.Doc();
    if (!document.seeded) writeLadderContent(observerDoc, content);
    const observer = connectEditor('provider', server, document, null, observerDoc);
    clients.push(observer);
    await waitFor(() => observer.isSynced(), 'the observer to sync');
    const writer = connectEditor('provider', server, document, null);
    clients.push(writer);
    await waitFor(
      () => writer.isSynced() && writer.doc.getXmlFragment(cell).length > 0,
      'the writer to sync',
    );
    await new Promise((r) => setTimeout(r, options.idleMs));

    const text = caretText(writer.doc, cell);
    const timer = setInterval(() => {
      writer.doc.transact(() => text.insert(text.length, `[${++typed}]`), LOCAL);
    }, options.intervalMs);
    await new Promise((r) => setTimeout(r, options.burstMs));
    await server.kill9();
    clearInterval(timer);
    // Let the observer read whatever the server had already written to its socket.
    await new Promise((r) => setTimeout(r, 200));
    seen = tokensIn(observer.doc, cell);
  } finally {
    // Gone before the restart: a provider that reconnects would resend its edits and hide the loss.
    for (const c of clients) c.destroy();
  }

  const restartStart = performance.now();
  await server.restart();
  const restartMs = performance.now() - restartStart;
  const reader = connectEditor('provider', server, document, null);
  try {
    await waitFor(() => reader.isSynced(), 'the reader to sync after the restart');
    const stored = tokensIn(reader.doc, cell);
    return {
      server: server.id,
      persistence: server.persistence,
      typed,
      seen: seen.size,
      storedAfterRestart: stored.size,
      lostAfterSeen: [...seen].filter((k) => !stored.has(k)).length,
      restartMs,
    };
  } finally {
    reader.destroy();
  }
}
