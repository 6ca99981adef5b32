/**
 * Test helpers for ladder Y.Docs (sample content, syncing peers, invariants). Not exported from the
 * package index; import `@rungs/shared/yjs/testing` in tests.
 */
import * as Y from 'yjs';
import {
  LADDER_CONTENT_VERSION,
  cellKey,
  validateLadderContent,
  type LadderContent,
} from '../model/ladder-content.ts';
import type { PMMark, PMNode, RichText } from '../model/rich-text.ts';
import { writeLadderContent } from './content.ts';

export const link = (href: string) => ({
  type: 'link',
  attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null },
});

export function para(...content: PMNode[]): PMNode {
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export function text(t: string, marks?: PMMark[]): PMNode {
  return marks?.length ? { type: 'text', text: t, marks } : { type: 'text', text: t };
}

export function doc(...content: PMNode[]): RichText {
  return { type: 'doc', content };
}

/** A ladder using every StarterKit construct we care about, already in canonical form. */
export function sampleLadder(): LadderContent {
  const L1 = 'lvlA1b2C3d4e';
  const L2 = 'lvlF5g6H7i8j';
  const L3 = 'lvlK9l0M1n2o';
  const C1 = 'cmpP3q4R5s6t';
  const C2 = 'cmpU7v8W9x0y';
  const C3 = 'cmpZ1a2B3c4d';
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title: 'Engineering ladder',
    track: 'IC',
    description: doc(
      { type: 'heading', attrs: { level: 1 }, content: [text('About this ladder')] },
      para(
        text('Levels are '),
        text('cumulative', [{ type: 'bold' }]),
        text(' and '),
        text('not', [{ type: 'bold' }, { type: 'italic' }]),
        text(' a checklist. See '),
        text('the guide', [link('https://example.com/guide')]),
        text('.'),
      ),
    ),
    levels: [
      {
        id: L1,
        code: 'IC1',
        title: 'Engineer I',
        summary: doc(para(text('Learns the codebase.'))),
        attributes: [
          { key: 'Years of experience', value: '0–2' },
          { key: 'Scope', value: 'Tasks' },
        ],
      },
      {
        id: L2,
        code: 'IC2',
        title: 'Engineer II',
        summary: doc(),
        attributes: [],
      },
      {
        id: L3,
        code: 'IC3',
        title: 'Senior Engineer',
        summary: doc(
          { type: 'heading', attrs: { level: 3 }, content: [text('Scope')] },
          {
            type: 'orderedList',
            attrs: { start: 1, type: null },
            content: [
              { type: 'listItem', content: [para(text('Owns a '), text('service', [{ type: 'code' }]))] },
              { type: 'listItem', content: [para(text('Mentors', [{ type: 'underline' }]))] },
            ],
          },
        ),
        attributes: [{ key: 'Years of experience', value: '5+' }],
      },
    ],
    competencies: [
      { id: C1, name: 'Technical skills', group: 'Craft', description: doc(para(text('How you build.'))) },
      { id: C2, name: 'Delivery', group: 'Results', description: doc() },
      { id: C3, name: 'Collaboration', group: '', description: doc(para(text('Working with others'))) },
    ],
    cells: {
      [cellKey(L1, C1)]: doc({
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [para(text('Writes '), text('tested', [{ type: 'italic' }]), text(' code'))],
          },
          { type: 'listItem', content: [para(text('Asks for help', [{ type: 'strike' }]))] },
        ],
      }),
      [cellKey(L1, C2)]: doc(
        para(text('Ships small changes')),
        para(text('Line one'), { type: 'hardBreak' }, text('line two')),
      ),
      [cellKey(L2, C3)]: doc(
        { type: 'blockquote', content: [para(text('Reviews peers'))] },
        { type: 'horizontalRule' },
      ),
      [cellKey(L3, C1)]: doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Design')] },
        { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const x = 1;')] },
        para(text('Read '), text('RFC 42', [link('https://example.com/rfc/42'), { type: 'bold' }])),
      ),
      [cellKey(L3, C3)]: doc(para(text('Leads cross-team work'))),
    },
  };
}

export function docFromContent(content: LadderContent, clientID?: number): Y.Doc {
  const d = new Y.Doc();
  if (clientID !== undefined) d.clientID = clientID;
  writeLadderContent(d, content);
  return d;
}

/** A replica of `source` with its own client id. */
export function replica(source: Y.Doc, clientID?: number): Y.Doc {
  const d = new Y.Doc();
  if (clientID !== undefined) d.clientID = clientID;
  Y.applyUpdate(d, Y.encodeStateAsUpdate(source));
  return d;
}

/** Send what `to` is missing from `from` (one direction). */
export function push(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** Exchange updates between all docs until they have the same state. */
export function syncAll(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) push(a, b);
}

/** Structural invariants of a read ladder: valid, unique ids, no orphan cells, no empty cells. */
export function assertLadderInvariants(content: LadderContent): void {
  validateLadderContent(content);
  const levelIds = new Set(content.levels.map((l) => l.id));
  const compIds = new Set(content.competencies.map((c) => c.id));
  if (levelIds.size !== content.levels.length) throw new Error('duplicate level');
  if (compIds.size !== content.competencies.length) throw new Error('duplicate competency');
  for (const [key, cell] of Object.entries(content.cells)) {
    const i = key.indexOf(':');
    if (!levelIds.has(key.slice(0, i)) || !compIds.has(key.slice(i + 1)))
      throw new Error(`orphan cell ${key}`);
    if (!cell.content?.length) throw new Error(`empty cell ${key}`);
  }
}

/** Small seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
