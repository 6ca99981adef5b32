import * as Y from 'yjs';
import { LOCAL } from '../editor.ts';
import { caretText } from '../ladder.ts';

const LETTERS = 'expect clear written ownership of outcomes ';
/** Every so many keystrokes one is a backspace. */
const BACKSPACE_EVERY = 7;
/** Keystrokes in one cell before the typist moves on to its next. */
const KEYSTROKES_PER_CELL = 40;

/** The ladder cells of a document (Tiptap-shaped root `Y.XmlFragment`s named `cell:…`). */
export function cellNames(doc: Y.Doc): string[] {
  return [...doc.share.keys()].filter((k) => k.startsWith('cell:')).sort();
}

/** The first text node of a cell (its first paragraph or bullet), where a caret lands on a click. */
function firstText(doc: Y.Doc, cell: string): Y.XmlText {
  const fragment = doc.getXmlFragment(cell);
  for (const node of fragment.createTreeWalker((n) => n instanceof Y.XmlText)) return node as Y.XmlText;
  return caretText(doc, cell);
}

/**
 * One person typing into a few cells of a ladder: one character per keystroke at the caret
 * (which starts at the end of the cell's first line), every 7th keystroke a backspace, moving to
 * its next cell every 40 keystrokes. Each keystroke is one local transaction, so a provider sends
 * it as one update, as Tiptap's would.
 */
export class Typist {
  private typed = 0;
  private cell = 0;
  private text: Y.XmlText | null = null;
  private caret = 0;

  constructor(
    readonly doc: Y.Doc,
    private readonly cells: string[],
  ) {}

  keystroke(): void {
    if (this.typed % KEYSTROKES_PER_CELL === 0 || !this.text) {
      this.text = firstText(this.doc, this.cells[this.cell++ % this.cells.length]!);
      this.caret = this.text.length;
    }
    const text = this.text;
    const n = this.typed++;
    this.doc.transact(() => {
      if (n % BACKSPACE_EVERY === BACKSPACE_EVERY - 1 && this.caret > 0) {
        text.delete(--this.caret, 1);
      } else {
        text.insert(Math.min(this.caret++, text.length), LETTERS[n % LETTERS.length]!);
      }
    }, LOCAL);
  }
}

/** Typists for a document: each its own cells, spread over the ladder (typist i takes every n-th cell). */
export function typistsFor(docs: Y.Doc[], cellsEach = 4): Typist[] {
  const cells = cellNames(docs[0]!);
  return docs.map((doc, i) => {
    const own = Array.from({ length: cellsEach }, (_, k) => cells[(i + k * docs.length) % cells.length]!);
    return new Typist(doc, own);
  });
}

export interface TypedLog {
  /** Every keystroke's update, in the order a server would receive (and store) them. */
  updates: Uint8Array[];
  /** The document afterwards, as one update. */
  state: Uint8Array;
}

/**
 * `count` keystroke updates of `typists` people editing one document that starts as `base`, each
 * update exactly as its author's provider sends it; every typist receives the others' updates
 * at once (as the server broadcasts them), so later keystrokes build on them.
 */
export function typeKeystrokes(base: Uint8Array, count: number, typists = 4): TypedLog {
  const docs = Array.from({ length: typists }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    return doc;
  });
  const updates: Uint8Array[] = [];
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOCAL) return;
      updates.push(update);
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update);
    });
  }
  const people = typistsFor(docs);
  for (let i = 0; i < count; i++) people[i % typists]!.keystroke();
  const state = Y.encodeStateAsUpdate(docs[0]!);
  for (const doc of docs) doc.destroy();
  return { updates, state };
}
