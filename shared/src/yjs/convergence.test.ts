import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellKey, type LadderContent } from '../model/ladder-content.ts';
import { plainText, type RichText } from '../model/rich-text.ts';
import { readLadderContent } from './content.ts';
import {
  cellFragment,
  compareOrder,
  competencyDescriptionFragment,
  orderedCompetencies,
  orderedCompetencyIds,
  orderedLevelIds,
  orderedLevels,
} from './layout.ts';
import {
  addCompetency,
  addLevel,
  clearCell,
  moveCompetency,
  moveLevel,
  removeCompetency,
  removeLevel,
  renameCompetency,
  renameLevel,
  setCell,
  setCompetencyGroup,
  setLadderTitle,
  setLevelAttributes,
  setLevelSummary,
  type Placement,
} from './ops.ts';
import { readRichText } from './rich-text-fragment.ts';
import {
  assertLadderInvariants,
  doc,
  docFromContent,
  para,
  prng,
  push,
  replica,
  sampleLadder,
  syncAll,
  text,
} from './testing.ts';

function pair(): [Y.Doc, Y.Doc, LadderContent] {
  const sample = sampleLadder();
  const a = docFromContent(sample, 1);
  return [a, replica(a, 2), sample];
}

function expectConverged(...docs: Y.Doc[]): LadderContent {
  const first = readLadderContent(docs[0]!);
  for (const d of docs.slice(1)) expect(readLadderContent(d)).toEqual(first);
  assertLadderInvariants(first);
  return first;
}

describe('convergence of concurrent structural edits', () => {
  it('both move the same level: it appears exactly once', () => {
    const [a, b, s] = pair();
    const [l0, l1, l2] = s.levels.map((l) => l.id);
    moveLevel(a, l0!, { index: 2 });
    expect(orderedLevelIds(a)).toEqual([l1, l2, l0]);
    moveLevel(b, l0!, { beforeId: l2! });
    expect(orderedLevelIds(b)).toEqual([l1, l0, l2]);
    syncAll(a, b);
    const c = expectConverged(a, b);
    expect(c.levels.map((l) => l.id).sort()).toEqual([l0, l1, l2].sort());
    expect(c.levels).toHaveLength(3);
  });

  it('one deletes what the other renames, moves and writes into', () => {
    const [a, b, s] = pair();
    const [l0, l1] = s.levels.map((l) => l.id);
    const [c0, c1] = s.competencies.map((c) => c.id);
    removeLevel(a, l1!);
    removeCompetency(a, c0!);
    // removal clears the rows' rich text locally, in the same transaction
    const l2 = s.levels[2]!.id;
    const c2 = s.competencies[2]!.id;
    expect(cellFragment(a, l1!, c2).length).toBe(0); // had content in the sample
    expect(cellFragment(a, l2, c0!).length).toBe(0); // had content in the sample
    expect(competencyDescriptionFragment(a, c0!).length).toBe(0);
    renameLevel(b, l1!, { code: 'IC2b', title: 'Renamed' });
    moveLevel(b, l1!, { index: 0 });
    setCell(b, l1!, c1!, doc(para(text('late'))));
    renameCompetency(b, c0!, 'Tech');
    moveCompetency(b, c0!, { afterId: c1! });
    setCell(b, l0!, c0!, doc(para(text('also late'))));
    syncAll(a, b);
    const c = expectConverged(a, b);
    expect(c.levels.map((l) => l.id)).not.toContain(l1);
    expect(c.competencies.map((x) => x.id)).not.toContain(c0);
    expect(c.levels).toHaveLength(2);
    expect(c.competencies).toHaveLength(2);
    expect(JSON.stringify(c)).not.toContain('late');
  });

  it('both add at the same spot: both kept, adjacent, and one can insert between them', () => {
    const [a, b, s] = pair();
    const [l0, l1, l2] = s.levels.map((l) => l.id);
    const x = addLevel(a, { code: 'X', title: 'x', afterId: l0! });
    const y = addLevel(b, { code: 'Y', title: 'y', afterId: l0! });
    syncAll(a, b);
    const lv = orderedLevels(a);
    expect(lv.find((l) => l.id === x)!.order).toBe(lv.find((l) => l.id === y)!.order); // a real tie
    const ids = lv.map((l) => l.id);
    const [first, second] = x < y ? [x, y] : [y, x];
    expect(ids).toEqual([l0, first, second, l1, l2]);
    const z = addLevel(a, { code: 'Z', title: 'z', afterId: first });
    expect(orderedLevelIds(a)).toEqual([l0, first, z, second, l1, l2]);
    moveLevel(b, l2!, { afterId: first });
    expect(orderedLevelIds(b)).toEqual([l0, first, l2, second, l1]);
    syncAll(a, b);
    const c = expectConverged(a, b);
    expect(new Set(c.levels.map((l) => l.id))).toEqual(new Set([l0, l1, l2, x, y, z]));
  });

  it('both write into a cell that was empty: both texts kept', () => {
    const [a, b, s] = pair();
    const l1 = s.levels[1]!.id;
    const c0 = s.competencies[0]!.id;
    expect(s.cells[cellKey(l1, c0)]).toBeUndefined();
    setCell(a, l1, c0, doc(para(text('Alice wrote this'))));
    setCell(b, l1, c0, doc(para(text('Bob wrote that'))));
    syncAll(a, b);
    const c = expectConverged(a, b);
    const cell = plainText(c.cells[cellKey(l1, c0)]!);
    expect(cell).toContain('Alice wrote this');
    expect(cell).toContain('Bob wrote that');
  });

  it('concurrent renames of one field merge character-wise', () => {
    const [a, b, s] = pair();
    const l2 = s.levels[2]!.id;
    renameLevel(a, l2, { title: 'Senior Software Engineer' });
    renameLevel(b, l2, { title: 'Senior Engineer II' });
    setCompetencyGroup(a, s.competencies[2]!.id, 'People');
    syncAll(a, b);
    const c = expectConverged(a, b);
    expect(c.levels[2]!.title).toBe('Senior Software Engineer II');
    expect(c.competencies[2]!.group).toBe('People');
  });

  it('concurrent competency adds, moves and deletes converge', () => {
    const [a, b, s] = pair();
    const [c0, c1, c2] = s.competencies.map((c) => c.id);
    const n1 = addCompetency(a, { name: 'Strategy', group: 'Impact', afterId: null });
    const n2 = addCompetency(b, { name: 'Hiring', beforeId: c0! });
    moveCompetency(a, c2!, { index: 0 });
    moveCompetency(b, c2!, { afterId: c0! });
    removeCompetency(b, c1!);
    syncAll(a, b);
    const c = expectConverged(a, b);
    expect(new Set(c.competencies.map((x) => x.id))).toEqual(new Set([c0, c2, n1, n2]));
    expect(c.competencies).toHaveLength(4);
  });
});

// ---------------------------------------------------------------------------------------------
// Randomized: 3 peers, random ops, random partial syncs; after each full sync all peers agree and
// no row is lost or duplicated.

describe('randomized convergence', () => {
  const SEEDS = [1, 7, 42, 2024];
  const ROUNDS = 300;

  for (const seed of SEEDS) {
    it(`seed ${seed}: ${ROUNDS} rounds converge with invariants`, () => {
      const rnd = prng(seed);
      const pick = <T>(xs: readonly T[]): T | undefined =>
        xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined;
      const int = (n: number) => Math.floor(rnd() * n);
      const word = () => pick(['alpha', 'beta', 'gamma', 'delta', 'eps', 'zeta', 'eta', 'theta'])!;

      const base = docFromContent(sampleLadder(), 100);
      const peers = [replica(base, 1), replica(base, 2), replica(base, 3)];
      const liveLevels = new Set(sampleLadder().levels.map((l) => l.id));
      const liveComps = new Set(sampleLadder().competencies.map((c) => c.id));
      const removedLevels = new Set<string>();
      const removedComps = new Set<string>();

      const editString = (s: string) => {
        const i = int(s.length + 1);
        return rnd() < 0.3 && s.length > 0
          ? s.slice(0, i) + s.slice(i + 1)
          : s.slice(0, i) + word()[0] + s.slice(i);
      };

      const placement = (ids: string[]): Placement => {
        const r = rnd();
        if (r < 0.33) return { index: int(ids.length + 1) };
        if (r < 0.5 && ids.length) return { beforeId: pick(ids)! };
        if (r < 0.66 && ids.length) return { afterId: ids[0]! };
        return { afterId: rnd() < 0.2 ? null : (pick(ids) ?? null) };
      };

      const step = (d: Y.Doc) => {
        const levels = orderedLevelIds(d);
        const comps = orderedCompetencyIds(d);
        const r = int(16);
        switch (r) {
          case 0: {
            if (levels.length >= 7) break;
            // biased towards the same spot so concurrent peers create tied order keys
            const after = rnd() < 0.4 ? levels[0] : rnd() < 0.8 ? pick(levels) : undefined;
            const id = addLevel(d, { code: `L${int(99)}`, title: word(), afterId: after });
            liveLevels.add(id);
            const now = orderedLevelIds(d);
            expect(now.indexOf(id)).toBe(after === undefined ? now.length - 1 : now.indexOf(after) + 1);
            break;
          }
          case 1: {
            if (levels.length <= 1) break;
            const id = pick(levels)!;
            removeLevel(d, id);
            liveLevels.delete(id);
            removedLevels.add(id);
            break;
          }
          case 2:
          case 3: {
            const id = pick(levels);
            if (!id) break;
            const where = placement(levels.filter((x) => x !== id));
            expect(moveLevel(d, id, where)).toBe(true);
            const now = orderedLevelIds(d);
            const rest = now.filter((x) => x !== id);
            if ('index' in where) expect(now.indexOf(id)).toBe(Math.min(where.index, rest.length));
            else if ('beforeId' in where) expect(now.indexOf(id)).toBe(now.indexOf(where.beforeId) - 1);
            else if (where.afterId === null) expect(now[0]).toBe(id);
            else expect(now.indexOf(id)).toBe(now.indexOf(where.afterId) + 1);
            break;
          }
          case 4: {
            const lv = pick(orderedLevels(d));
            if (!lv) break;
            if (rnd() < 0.5) renameLevel(d, lv.id, { title: editString(lv.title) });
            else renameLevel(d, lv.id, { code: editString(lv.code) });
            break;
          }
          case 5: {
            const lv = pick(orderedLevels(d));
            if (!lv) break;
            const attrs = lv.attributes.slice(0, int(lv.attributes.length + 1));
            if (rnd() < 0.6) attrs.push({ key: word(), value: String(int(20)) });
            setLevelAttributes(d, lv.id, attrs);
            break;
          }
          case 6: {
            if (comps.length >= 7) break;
            const after = rnd() < 0.8 ? pick(comps) : undefined;
            const id = addCompetency(d, { name: word(), group: rnd() < 0.5 ? 'G' : '', afterId: after });
            liveComps.add(id);
            break;
          }
          case 7: {
            if (comps.length <= 1) break;
            const id = pick(comps)!;
            removeCompetency(d, id);
            liveComps.delete(id);
            removedComps.add(id);
            break;
          }
          case 8: {
            const id = pick(comps);
            if (!id) break;
            moveCompetency(d, id, placement(comps.filter((x) => x !== id)));
            break;
          }
          case 9: {
            const c = pick(orderedCompetencies(d));
            if (!c) break;
            if (rnd() < 0.5) renameCompetency(d, c.id, editString(c.name));
            else setCompetencyGroup(d, c.id, editString(c.group));
            break;
          }
          case 10:
          case 11:
          case 12: {
            const l = pick(levels);
            const c = pick(comps);
            if (!l || !c) break;
            const current = readRichText(cellFragment(d, l, c));
            const next: RichText =
              rnd() < 0.5
                ? { type: 'doc', content: [...(current.content ?? []), para(text(`${word()} ${int(1000)}`))] }
                : doc(para(text(word(), rnd() < 0.5 ? [{ type: 'bold' }] : undefined)));
            setCell(d, l, c, next);
            expect(readRichText(cellFragment(d, l, c))).toEqual(next);
            break;
          }
          case 13: {
            const l = pick(levels);
            const c = pick(comps);
            if (l && c) clearCell(d, l, c);
            break;
          }
          case 14: {
            const l = pick(levels);
            if (l) setLevelSummary(d, l, doc(para(text(word()))));
            break;
          }
          case 15:
            setLadderTitle(d, editString(readLadderContent(d).title));
            break;
        }
        // local invariants hold on every peer at every step
        const lv = orderedLevels(d);
        for (let i = 1; i < lv.length; i++) expect(compareOrder(lv[i - 1]!, lv[i]!)).toBeLessThan(0);
      };

      for (let round = 0; round < ROUNDS; round++) {
        step(pick(peers)!);
        if (rnd() < 0.3) {
          const from = pick(peers)!;
          const to = pick(peers.filter((p) => p !== from))!;
          push(from, to);
          assertLadderInvariants(readLadderContent(to));
        }
        if (round % 25 === 24 || round === ROUNDS - 1) {
          // full sync in a random order
          const order = [...peers].sort(() => rnd() - 0.5);
          for (const p of order) for (const q of order) if (p !== q) push(p, q);
          const c = expectConverged(...peers);
          const expectedLevels = new Set([...liveLevels].filter((id) => !removedLevels.has(id)));
          const expectedComps = new Set([...liveComps].filter((id) => !removedComps.has(id)));
          expect(new Set(c.levels.map((l) => l.id))).toEqual(expectedLevels);
          expect(new Set(c.competencies.map((x) => x.id))).toEqual(expectedComps);
          expect(c.levels).toHaveLength(expectedLevels.size);
          expect(c.competencies).toHaveLength(expectedComps.size);
          // state vectors agree too
          const sv = Y.encodeStateVector(peers[0]!);
          for (const p of peers) expect(Y.encodeStateVector(p)).toEqual(sv);
        }
      }
    });
  }
});
