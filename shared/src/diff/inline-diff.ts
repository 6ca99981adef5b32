/**
 * Word- (or sentence-) level diff of two blocks' inline text, aware of marks: jsdiff compares the
 * text, then each side's marks are laid over the result, so text that is unchanged but newly bold
 * (or no longer a link) shows as deleted-plain + inserted-bold rather than as no change.
 */
import { diffSentences, diffWordsWithSpace, type Change } from 'diff';
import { marksKey, type TextRun } from './rich-text-blocks.ts';
import type { Segment, SegmentKind } from './types.ts';

export type Granularity = 'word' | 'sentence';

export function diffInline(base: TextRun[], head: TextRun[], granularity: Granularity = 'word'): Segment[] {
  const baseText = joinRuns(base);
  const headText = joinRuns(head);
  const changes: Change[] =
    granularity === 'sentence' ? diffSentences(baseText, headText) : diffWordsWithSpace(baseText, headText);
  const out: Segment[] = [];
  let pb = 0;
  let ph = 0;
  for (const change of changes) {
    const length = change.value.length;
    if (change.removed) {
      for (const piece of slice(base, pb, pb + length)) out.push(segment('delete', piece));
      pb += length;
    } else if (change.added) {
      for (const piece of slice(head, ph, ph + length)) out.push(segment('insert', piece));
      ph += length;
    } else {
      out.push(...overlayEqual(slice(base, pb, pb + length), slice(head, ph, ph + length)));
      pb += length;
      ph += length;
    }
  }
  return normalizeSegments(out);
}

/** Whole-block segments of one kind, for blocks that exist on one side only (or are unchanged). */
export function runsAsSegments(runs: TextRun[], kind: SegmentKind): Segment[] {
  return normalizeSegments(runs.map((run) => segment(kind, run)));
}

/** Text equal on both sides: equal where the marks agree, delete + insert where they don't. */
function overlayEqual(base: TextRun[], head: TextRun[]): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let j = 0;
  let bOff = 0;
  let hOff = 0;
  while (i < base.length && j < head.length) {
    const b = base[i]!;
    const h = head[j]!;
    const take = Math.min(b.text.length - bOff, h.text.length - hOff);
    const text = h.text.slice(hOff, hOff + take);
    if (marksKey(b.marks) === marksKey(h.marks)) {
      out.push(segment('equal', { text, marks: h.marks }));
    } else {
      out.push(segment('delete', { text, marks: b.marks }), segment('insert', { text, marks: h.marks }));
    }
    bOff += take;
    hOff += take;
    if (bOff === b.text.length) [i, bOff] = [i + 1, 0];
    if (hOff === h.text.length) [j, hOff] = [j + 1, 0];
  }
  return out;
}

/** The runs covering characters [start, end) of the joined text, cut at the edges. */
function slice(runs: TextRun[], start: number, end: number): TextRun[] {
  const out: TextRun[] = [];
  let offset = 0;
  for (const run of runs) {
    const runEnd = offset + run.text.length;
    const from = Math.max(start, offset);
    const to = Math.min(end, runEnd);
    if (from < to) out.push({ text: run.text.slice(from - offset, to - offset), marks: run.marks });
    offset = runEnd;
    if (offset >= end) break;
  }
  return out;
}

function segment(kind: SegmentKind, run: TextRun): Segment {
  return run.marks.length ? { kind, text: run.text, marks: run.marks } : { kind, text: run.text };
}

function joinRuns(runs: TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * Within each stretch between equal segments, put deletions before insertions (reads as
 * "was … now …"), then merge neighbours of the same kind and marks.
 */
export function normalizeSegments(segments: Segment[]): Segment[] {
  const ordered: Segment[] = [];
  let deletes: Segment[] = [];
  let inserts: Segment[] = [];
  const flush = () => {
    ordered.push(...deletes, ...inserts);
    deletes = [];
    inserts = [];
  };
  for (const s of segments) {
    if (s.text === '') continue;
    if (s.kind === 'delete') deletes.push(s);
    else if (s.kind === 'insert') inserts.push(s);
    else {
      flush();
      ordered.push(s);
    }
  }
  flush();
  const merged: Segment[] = [];
  for (const s of ordered) {
    const last = merged[merged.length - 1];
    if (last && last.kind === s.kind && marksKey(last.marks) === marksKey(s.marks)) {
      merged[merged.length - 1] = { ...last, text: last.text + s.text };
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}
