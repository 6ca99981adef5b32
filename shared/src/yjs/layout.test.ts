import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readLadderContent } from './content.ts';
import { DESCRIPTION_FRAGMENT, LEVELS_MAP, TITLE_TEXT, fragmentNames, typeRichTextRoots } from './layout.ts';
import { readRichText } from './rich-text-fragment.ts';
import { docFromContent, sampleLadder } from './testing.ts';

/** A ladder as a browser receives it: one update applied to an empty doc, every root untyped. */
function received(): { doc: Y.Doc; source: Y.Doc } {
  const source = docFromContent(sampleLadder());
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return { doc, source };
}

describe('typeRichTextRoots', () => {
  it('types every rich-text root in one transaction, sending nothing', () => {
    const { doc } = received();
    const names = fragmentNames(doc);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names.every((n) => doc.share.get(n)!.constructor === Y.AbstractType)).toBe(true);
    let transactions = 0;
    let updates = 0;
    doc.on('afterTransaction', () => transactions++);
    doc.on('update', () => updates++);
    typeRichTextRoots(doc);
    expect(transactions).toBe(1);
    expect(updates).toBe(0);
    expect(names.every((n) => doc.share.get(n) instanceof Y.XmlFragment)).toBe(true);
    // Again: nothing left to type, no transaction.
    typeRichTextRoots(doc);
    expect(transactions).toBe(1);
  });

  it('keeps every fragment’s content, and leaves the other roots alone', () => {
    const { doc, source } = received();
    typeRichTextRoots(doc);
    for (const name of fragmentNames(source))
      expect(readRichText(doc.getXmlFragment(name))).toEqual(readRichText(source.getXmlFragment(name)));
    expect(doc.share.get(LEVELS_MAP)!.constructor).toBe(Y.AbstractType);
    expect(doc.share.get(TITLE_TEXT)!.constructor).toBe(Y.AbstractType);
    expect(readLadderContent(doc)).toEqual(readLadderContent(source));
  });

  it('skips a root already typed, even as something else', () => {
    const doc = new Y.Doc();
    doc.getText(DESCRIPTION_FRAGMENT).insert(0, 'not rich text');
    doc.getXmlFragment('cell:L1:C1');
    expect(() => typeRichTextRoots(doc)).not.toThrow();
    expect(doc.share.get(DESCRIPTION_FRAGMENT)).toBeInstanceOf(Y.Text);
  });

  it('reading a received ladder costs one transaction, not one per cell', () => {
    const { doc } = received();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    readLadderContent(doc);
    expect(transactions).toBe(1);
  });
});
