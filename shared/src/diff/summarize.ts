/** A short human changelog of a ladder diff, one sentence per change (cells counted, not listed). */
import { competencyLabel, levelLabel } from './refs.ts';
import type { LadderDiff } from './types.ts';

export function summarizeDiff(diff: LadderDiff): string[] {
  return [
    ...summarizeLadder(diff.ladder),
    ...summarizeLevels(diff.levels),
    ...summarizeCompetencies(diff.competencies),
    ...summarizeCells(diff),
  ];
}

function summarizeLadder(ladder: LadderDiff['ladder']): string[] {
  const lines: string[] = [];
  if (ladder.title) lines.push(`Renamed ladder ${quote(ladder.title.from)} to ${quote(ladder.title.to)}`);
  if (ladder.track) {
    const { from, to } = ladder.track;
    if (!from) lines.push(`Set track to ${quote(to)}`);
    else if (!to) lines.push(`Cleared track ${quote(from)}`);
    else lines.push(`Changed track from ${quote(from)} to ${quote(to)}`);
  }
  if (ladder.description) lines.push('Changed ladder description');
  return lines;
}

function summarizeLevels(levels: LadderDiff['levels']): string[] {
  const lines: string[] = [];
  for (const l of levels.added) lines.push(`Added level ${levelLabel(l)}`);
  for (const l of levels.removed) lines.push(`Removed level ${levelLabel(l)}`);
  for (const l of levels.renamed) {
    const { code, title } = l.changes;
    if (code) lines.push(`Renamed level ${quote(code.from)} to ${quote(code.to)}`);
    if (title)
      lines.push(`Changed title of level ${levelLabel(l)} from ${quote(title.from)} to ${quote(title.to)}`);
  }
  for (const l of levels.moved) lines.push(`Moved level ${levelLabel(l)} ${positions(l)}`);
  for (const l of levels.attributes) {
    const name = levelLabel(l);
    for (const a of l.added) lines.push(`Set ${quote(a.key)} of level ${name} to ${quote(a.value)}`);
    for (const a of l.removed) lines.push(`Removed ${quote(a.key)} from level ${name}`);
    for (const a of l.changed) {
      lines.push(`Changed ${quote(a.key)} of level ${name} from ${quote(a.from)} to ${quote(a.to)}`);
    }
    if (l.reordered) lines.push(`Reordered the attributes of level ${name}`);
  }
  for (const l of levels.summary) lines.push(`Changed summary of level ${levelLabel(l)}`);
  return lines;
}

function summarizeCompetencies(competencies: LadderDiff['competencies']): string[] {
  const lines: string[] = [];
  const label = (c: { name: string }) => quote(competencyLabel(c));
  for (const c of competencies.added) lines.push(`Added competency ${label(c)}`);
  for (const c of competencies.removed) lines.push(`Removed competency ${label(c)}`);
  for (const c of competencies.renamed) {
    const { name, group } = c.changes;
    if (name) lines.push(`Renamed competency ${quote(name.from)} to ${quote(name.to)}`);
    if (group) {
      lines.push(
        group.to
          ? `Moved competency ${label(c)} to group ${quote(group.to)}`
          : `Took competency ${label(c)} out of group ${quote(group.from)}`,
      );
    }
  }
  for (const c of competencies.moved) lines.push(`Moved competency ${label(c)} ${positions(c)}`);
  for (const c of competencies.description) lines.push(`Changed description of competency ${label(c)}`);
  return lines;
}

/** Cells of added or removed levels and competencies are implied by those lines, so not counted. */
function summarizeCells(diff: LadderDiff): string[] {
  const gone = new Set([
    ...diff.levels.added.map((l) => l.id),
    ...diff.levels.removed.map((l) => l.id),
    ...diff.competencies.added.map((c) => c.id),
    ...diff.competencies.removed.map((c) => c.id),
  ]);
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const cell of diff.cells) {
    if (!gone.has(cell.levelId) && !gone.has(cell.competencyId)) counts[cell.change]++;
  }
  const lines: string[] = [];
  if (counts.added)
    lines.push(`Filled ${cells(counts.added)} that ${counts.added === 1 ? 'was' : 'were'} empty`);
  if (counts.removed) lines.push(`Cleared ${cells(counts.removed)}`);
  if (counts.changed) lines.push(`Changed ${cells(counts.changed)}`);
  return lines;
}

function positions(move: { from: number; to: number }): string {
  return `from position ${move.from + 1} to ${move.to + 1}`;
}

function cells(n: number): string {
  return n === 1 ? '1 cell' : `${n} cells`;
}

function quote(text: string): string {
  return `'${text}'`;
}
