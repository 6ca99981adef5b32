import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  LadderContentSchema,
  cellKey,
  emptyLadderContent,
  type LadderContent,
} from '../model/ladder-content.ts';
import { normalizeLadderContent, readLadderContent, writeLadderContent } from './content.ts';
import {
  cellFragment,
  competencyDescriptionFragment,
  descriptionFragment,
  levelSummaryFragment,
  levelsMap,
  orderedLevels,
} from './layout.ts';
import { readRichText } from './rich-text-fragment.ts';
import {
  assertLadderInvariants,
  doc,
  docFromContent,
  para,
  push,
  replica,
  sampleLadder,
  syncAll,
  text,
} from './testing.ts';

describe('LadderContent ⇄ Y.Doc', () => {
  it('the sample is canonical', () => {
    const sample = sampleLadder();
    expect(normalizeLadderContent(sample)).toEqual(sample);
    expect(Value.Check(LadderContentSchema, sample)).toBe(true);
  });

  it('round-trips a rich ladder exactly', () => {
    const sample = sampleLadder();
    const d = docFromContent(sample);
    const back = readLadderContent(d);
    expect(back).toEqual(sample);
    expect(Value.Check(LadderContentSchema, back)).toBe(true);
    assertLadderInvariants(back);
    // display order, not map order
    expect(back.levels.map((l) => l.code)).toEqual(['IC1', 'IC2', 'IC3']);
  });

  it('round-trips through an encoded update into a new doc', () => {
    const sample = sampleLadder();
    const update = Y.encodeStateAsUpdate(docFromContent(sample));
    const d = new Y.Doc();
    Y.applyUpdate(d, update);
    expect(readLadderContent(d)).toEqual(sample);
    // and the reader never writes
    let updates = 0;
    d.on('update', () => updates++);
    readLadderContent(d);
    expect(updates).toBe(0);
  });

  it('omits empty cells and normalizes non-canonical input', () => {
    const sample = sampleLadder();
    const [l0, l1] = sample.levels;
    const [c0, , c2] = sample.competencies;
    const input: LadderContent = {
      ...sample,
      cells: {
        ...sample.cells,
        [cellKey(l1!.id, c0!.id)]: doc(para()),
        [cellKey(l0!.id, c2!.id)]: doc(),
      },
    };
    // a link without the default attributes
    input.description = doc(
      para({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://a.test' } }] }),
    );
    const back = readLadderContent(docFromContent(input));
    expect(back).toEqual(normalizeLadderContent(input));
    expect(back.cells[cellKey(l1!.id, c0!.id)]).toBeUndefined();
    expect(back.cells[cellKey(l0!.id, c2!.id)]).toBeUndefined();
    expect(Object.keys(back.cells).sort()).toEqual(Object.keys(sample.cells).sort());
    expect(back.description.content?.[0]?.content?.[0]?.marks?.[0]?.attrs).toMatchObject({
      href: 'https://a.test',
      target: '_blank',
    });
  });

  it('reads valid content even when merged strings outgrow the schema limits', () => {
    const d = docFromContent(sampleLadder());
    const level = levelsMap(d).get(sampleLadder().levels[0]!.id)!;
    (level.get('code') as Y.Text).insert(0, 'x'.repeat(300));
    d.getText('title').insert(0, '😀'.repeat(300));
    const back = readLadderContent(d);
    expect(back.levels[0]!.code).toHaveLength(200);
    expect(back.title.length).toBeLessThanOrEqual(500);
    expect(back.title.endsWith('😀')).toBe(true);
    assertLadderInvariants(back);
  });

  it('rejects invalid content before touching the doc', () => {
    const d = new Y.Doc();
    const bad = { ...sampleLadder(), cells: { 'nope:nada': doc(para(text('x'))) } };
    expect(() => writeLadderContent(d, bad)).toThrow(/does not exist/);
    expect(readLadderContent(d)).toEqual({ ...emptyLadderContent('', ''), title: '', track: '' });
  });

  it('writes over an existing doc in place and removes what is gone', () => {
    const sample = sampleLadder();
    const d = docFromContent(sample);
    const [l0, l1, l2] = sample.levels;
    const [c0, c1, c2] = sample.competencies;
    const keep = cellKey(l2!.id, c0!.id);
    const fKeep = cellFragment(d, l2!.id, c0!.id);
    const firstBlock = fKeep.get(0);
    const fDesc = descriptionFragment(d);
    const fSummary = levelSummaryFragment(d, l0!.id);
    const fGoneCell = cellFragment(d, l1!.id, c2!.id);
    const fGoneSummary = levelSummaryFragment(d, l1!.id);
    const fGoneComp = competencyDescriptionFragment(d, c1!.id);
    const fGoneCompCell = cellFragment(d, l0!.id, c1!.id);
    const levelMapBefore = levelsMap(d).get(l0!.id);
    const orderBefore = Object.fromEntries(orderedLevels(d).map((l) => [l.id, l.order]));

    const edited: LadderContent = structuredClone(sample);
    edited.title = 'Engineering ladder (2025)';
    edited.levels = [
      { ...l0!, title: 'Engineer One', attributes: [{ key: 'Years of experience', value: '0–3' }] },
      {
        id: 'lvlNEW000001',
        code: 'IC2.5',
        title: 'Between',
        summary: doc(para(text('new'))),
        attributes: [],
      },
      l2!,
    ];
    edited.competencies = [c2!, c0!]; // reorder, drop c1
    edited.cells = {
      // change only the last block of a kept cell
      [keep]: {
        ...sample.cells[keep]!,
        content: [...sample.cells[keep]!.content!.slice(0, 2), para(text('Changed'))],
      },
      [cellKey('lvlNEW000001', c2!.id)]: doc(para(text('fresh'))),
      [cellKey(l0!.id, c0!.id)]: sample.cells[cellKey(l0!.id, c0!.id)]!,
    };

    writeLadderContent(d, edited);
    const back = readLadderContent(d);
    expect(back).toEqual(normalizeLadderContent(edited));
    assertLadderInvariants(back);

    // same root fragments, content edited in place
    expect(cellFragment(d, l2!.id, c0!.id)).toBe(fKeep);
    expect(fKeep.get(0)).toBe(firstBlock);
    expect(descriptionFragment(d)).toBe(fDesc);
    expect(levelSummaryFragment(d, l0!.id)).toBe(fSummary);
    expect(readRichText(fSummary)).toEqual(l0!.summary);
    // same level map, untouched order keys where the order allowed it
    expect(levelsMap(d).get(l0!.id)).toBe(levelMapBefore);
    const orderAfter = Object.fromEntries(orderedLevels(d).map((l) => [l.id, l.order]));
    expect(orderAfter[l0!.id]).toBe(orderBefore[l0!.id]);
    expect(orderAfter[l2!.id]).toBe(orderBefore[l2!.id]);
    // everything belonging to removed rows or cells is cleared
    expect(levelsMap(d).has(l1!.id)).toBe(false);
    for (const f of [fGoneCell, fGoneSummary, fGoneComp, fGoneCompCell]) expect(f.length).toBe(0);
    expect(cellFragment(d, l1!.id, c0!.id).length).toBe(0);
    expect(Object.keys(back.cells)).not.toContain(cellKey(l0!.id, c1!.id));

    // writing the same content again changes nothing
    let updates = 0;
    d.on('update', () => updates++);
    writeLadderContent(d, edited);
    expect(updates).toBe(0);
  });

  it('an import over an existing doc merges with a concurrent edit elsewhere', () => {
    const sample = sampleLadder();
    const a = docFromContent(sample, 1);
    const b = replica(a, 2);
    const [l0, , l2] = sample.levels;
    const [c0] = sample.competencies;
    // B edits a cell; A concurrently re-imports with a changed title and another cell changed
    const bCell = cellFragment(b, l2!.id, c0!.id);
    const bp = new Y.XmlElement('paragraph');
    bp.insert(0, [new Y.XmlText('B was here')]);
    bCell.push([bp]);
    const edited = structuredClone(sample);
    edited.title = 'Imported';
    edited.cells[cellKey(l0!.id, c0!.id)] = doc(para(text('A import')));
    writeLadderContent(a, edited);
    syncAll(a, b);
    const ra = readLadderContent(a);
    expect(ra).toEqual(readLadderContent(b));
    expect(ra.title).toBe('Imported');
    expect(ra.cells[cellKey(l0!.id, c0!.id)]).toEqual(doc(para(text('A import'))));
    expect(JSON.stringify(ra.cells[cellKey(l2!.id, c0!.id)])).toContain('B was here');
  });

  it('writeLadderContent clears fragments orphaned by a concurrent removal', () => {
    const sample = sampleLadder();
    const a = docFromContent(sample, 1);
    const b = replica(a, 2);
    const [, l1] = sample.levels;
    const [c0] = sample.competencies;
    const withoutL1 = structuredClone(sample);
    withoutL1.levels = withoutL1.levels.filter((l) => l.id !== l1!.id);
    for (const k of Object.keys(withoutL1.cells)) if (k.startsWith(l1!.id)) delete withoutL1.cells[k];
    writeLadderContent(a, withoutL1);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('late write')]);
    cellFragment(b, l1!.id, c0!.id).push([p]);
    push(b, a);
    expect(cellFragment(a, l1!.id, c0!.id).length).toBe(1); // orphan exists…
    expect(readLadderContent(a)).toEqual(normalizeLadderContent(withoutL1)); // …but is ignored
    writeLadderContent(a, withoutL1);
    expect(cellFragment(a, l1!.id, c0!.id).length).toBe(0);
  });
});

describe('rich text that breaks the editor schema', () => {
  it('is refused before anything is written, so no editor can silently drop it', async () => {
    const { writeLadderContent: write } = await import('./content.ts');
    const { LadderContentError: Err, emptyLadderContent } = await import('../model/index.ts');
    const content = emptyLadderContent('Broken');
    content.description = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'doc', content: [{ type: 'paragraph' }] }] }],
        },
      ],
    };
    const doc = new Y.Doc();
    expect(() => write(doc, content)).toThrow(Err);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });
});
