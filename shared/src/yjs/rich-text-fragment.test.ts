import { initProseMirrorDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { normalizeRichText, richTextSchema } from '../richtext/schema.ts';
import { cellFragment, existingFragment } from './layout.ts';
import { readRichText, writeRichText } from './rich-text-fragment.ts';
import { doc, link, para, push, replica, sampleLadder, text } from './testing.ts';

describe('richtext schema', () => {
  it('is a lazy singleton with StarterKit names, Link and Underline', () => {
    const s = richTextSchema();
    expect(richTextSchema()).toBe(s);
    for (const n of [
      'doc',
      'paragraph',
      'text',
      'heading',
      'bulletList',
      'orderedList',
      'listItem',
      'blockquote',
      'codeBlock',
      'hardBreak',
      'horizontalRule',
    ]) {
      expect(s.nodes[n], n).toBeDefined();
    }
    for (const m of ['bold', 'italic', 'strike', 'underline', 'code', 'link'])
      expect(s.marks[m], m).toBeDefined();
  });

  it('normalizes to canonical JSON (defaults filled, marks sorted, text merged, unknowns dropped)', () => {
    const messy = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a', marks: [{ type: 'italic' }, { type: 'bold' }] },
            { type: 'text', text: 'b', marks: [{ type: 'bold' }, { type: 'italic' }] },
            {
              type: 'text',
              text: 'c',
              marks: [{ type: 'link', attrs: { href: 'https://x.test' } }, { type: 'sparkle' }],
            },
          ],
        },
        { type: 'mystery', content: [] },
        { type: 'heading', attrs: { level: 2, textAlign: 'left' }, content: [{ type: 'text', text: 'H' }] },
      ],
    };
    const n = normalizeRichText(messy);
    expect(n).toEqual(
      doc(para(text('ab', [{ type: 'bold' }, { type: 'italic' }]), text('c', [link('https://x.test')])), {
        type: 'heading',
        attrs: { level: 2 },
        content: [text('H')],
      }),
    );
    expect(normalizeRichText(n)).toEqual(n);
    expect(normalizeRichText({ type: 'doc' })).toEqual({ type: 'doc', content: [] });
    expect(normalizeRichText(null)).toEqual({ type: 'doc', content: [] });
  });
});

describe('rich text ⇄ Y.XmlFragment', () => {
  const rich = sampleLadder().cells;

  it('round-trips every sample document', () => {
    const d = new Y.Doc();
    for (const [key, json] of Object.entries(rich)) {
      const f = d.getXmlFragment(`t:${key}`);
      writeRichText(f, json);
      expect(readRichText(f)).toEqual(json);
    }
  });

  it('reads an empty fragment as an empty doc', () => {
    const d = new Y.Doc();
    expect(readRichText(d.getXmlFragment('x'))).toEqual({ type: 'doc', content: [] });
  });

  it('replaces content in place: same fragment, unchanged blocks keep their Yjs identity', () => {
    const d = new Y.Doc();
    const f = cellFragment(d, 'L', 'C');
    writeRichText(f, doc(para(text('one')), para(text('two'))));
    const first = f.get(0);
    writeRichText(f, doc(para(text('one')), para(text('three')), para(text('four'))));
    expect(d.getXmlFragment('cell:L:C')).toBe(f);
    expect(f.get(0)).toBe(first);
    expect(readRichText(f)).toEqual(doc(para(text('one')), para(text('three')), para(text('four'))));
    writeRichText(f, doc());
    expect(f.length).toBe(0);
    expect(readRichText(f)).toEqual(doc());
  });

  it('writing identical content produces no update', () => {
    const d = new Y.Doc();
    const f = d.getXmlFragment('x');
    const json = Object.values(rich)[3]!;
    writeRichText(f, json);
    let updates = 0;
    d.on('update', () => updates++);
    writeRichText(f, json);
    writeRichText(f, structuredClone(json));
    expect(updates).toBe(0);
  });

  it('is what the Tiptap Collaboration binding renders (y-tiptap initProseMirrorDoc)', () => {
    const d = new Y.Doc();
    for (const [key, json] of Object.entries(rich)) {
      // Collaboration({ document: d, field: name }) binds to d.getXmlFragment(name).
      const f = d.getXmlFragment(`cell:${key}`);
      writeRichText(f, json);
      const { doc: pmDoc } = initProseMirrorDoc(f, richTextSchema());
      expect(pmDoc.toJSON()).toEqual(json);
      pmDoc.check();
      expect(yXmlFragmentToProseMirrorRootNode(f, richTextSchema()).toJSON()).toEqual(json);
    }
  });

  it('keeps both texts when two peers write into the same empty fragment', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    const b = replica(a, 2);
    writeRichText(a.getXmlFragment('cell:L:C'), doc(para(text('from A'))));
    writeRichText(b.getXmlFragment('cell:L:C'), doc(para(text('from B'))));
    push(a, b);
    push(b, a);
    const ra = readRichText(a.getXmlFragment('cell:L:C'));
    expect(ra).toEqual(readRichText(b.getXmlFragment('cell:L:C')));
    const texts = (ra.content ?? []).map((p) => p.content?.[0]?.text);
    expect(texts.sort()).toEqual(['from A', 'from B']);
  });

  it('root fragments created by remote updates are visible without creating them', () => {
    const a = new Y.Doc();
    writeRichText(a.getXmlFragment('cell:L:C'), doc(para(text('x'))));
    const b = replica(a);
    expect(existingFragment(b, 'cell:L:C')).not.toBeNull();
    expect(existingFragment(b, 'cell:L:D')).toBeNull();
    expect(b.share.has('cell:L:D')).toBe(false);
  });
});
