import * as Y from 'yjs';
import { connectDatabase } from '../../server/src/db/connect.ts';
import { DocumentStore } from '../../server/src/collab/document-store.ts';
import type { TestClient } from './collab-client.ts';
import { typeIntoCell } from './ladders.ts';

/**
 * A client typing numbered tokens ("a0;a1;…") into one cell as fast as the event loop lets it,
 * remembering which of them the server acknowledged as stored (the browser's "All changes saved").
 */
export class Burst {
  private readonly tokens: Array<{ token: string; clock: number }> = [];
  private running = true;
  private readonly done: Promise<void>;

  constructor(
    readonly client: TestClient,
    readonly tag: string,
    readonly cell: { level: string; competency: string },
    intervalMs = 2,
  ) {
    this.done = (async () => {
      for (let n = 0; this.running; n++) {
        const token = `${tag}${n};`;
        typeIntoCell(client.doc, cell.level, cell.competency, token);
        this.tokens.push({ token, clock: Y.getState(client.doc.store, client.doc.clientID) });
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    })();
  }

  get typed(): string[] {
    return this.tokens.map((t) => t.token);
  }

  /** Tokens whose edit the server acknowledged as stored. */
  get acknowledged(): string[] {
    return this.tokens.filter((t) => t.clock <= this.client.storedClock).map((t) => t.token);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

/** What SQL holds for a document (snapshot and log), read directly, as a fresh instance would load it. */
export async function storedDocument(databaseUrl: string, documentName: string): Promise<Y.Doc> {
  const db = connectDatabase(databaseUrl);
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await new DocumentStore(db).loadState(documentName));
    return doc;
  } finally {
    await db.destroy();
  }
}

export function cellOf(doc: Y.Doc, level: string, competency: string): string {
  return doc
    .getXmlFragment(`cell:${level}:${competency}`)
    .toString()
    .replace(/<[^>]+>/g, '');
}

/** The tokens of `tokens` missing from `text`. */
export function missingTokens(tokens: readonly string[], text: string): string[] {
  const present = new Set(text.split(';').map((t) => `${t};`));
  return tokens.filter((t) => !present.has(t));
}
