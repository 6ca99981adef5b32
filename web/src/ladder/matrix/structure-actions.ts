import {
  addCompetency,
  addLevel,
  moveCompetency,
  moveLevel,
  orderedCompetencies,
  setCompetencyGroup,
  type CompetencyView,
  type LevelView,
} from '../../domain.ts';
import type * as Y from 'yjs';

/** Move a row one step in display order (`-1` up/left, `+1` down/right). */
export function moveLevelBy(doc: Y.Doc, levels: readonly LevelView[], id: string, delta: -1 | 1): void {
  const index = levels.findIndex((l) => l.id === id);
  const neighbour = levels[index + delta];
  if (index < 0 || !neighbour) return;
  moveLevel(doc, id, delta < 0 ? { beforeId: neighbour.id } : { afterId: neighbour.id });
}

export function moveCompetencyBy(
  doc: Y.Doc,
  competencies: readonly CompetencyView[],
  id: string,
  delta: -1 | 1,
): void {
  const index = competencies.findIndex((c) => c.id === id);
  const competency = competencies[index];
  const neighbour = competencies[index + delta];
  if (!competency || !neighbour) return;
  // At a group boundary the step is into the next group (first or last of it), not past its
  // first member: the competency adopts that group, so groups stay contiguous.
  if (neighbour.group !== competency.group) setCompetencyGroup(doc, id, neighbour.group);
  else moveCompetency(doc, id, delta < 0 ? { beforeId: neighbour.id } : { afterId: neighbour.id });
}

/** Add a level at the end (or after `afterId`); returns its id. */
export function addLevelAt(doc: Y.Doc, fields: { code: string; title: string }, afterId?: string): string {
  return addLevel(doc, { code: fields.code, title: fields.title, ...(afterId ? { afterId } : {}) });
}

/** The last competency of `group` in display order, if any (excluding `exceptId`). */
function lastOfGroup(doc: Y.Doc, group: string, exceptId?: string): string | undefined {
  const members = orderedCompetencies(doc).filter((c) => c.group === group && c.id !== exceptId);
  return members[members.length - 1]?.id;
}

/** Add a competency; with a group it joins the end of that group so groups stay together. */
export function addCompetencyIn(doc: Y.Doc, fields: { name: string; group: string }): string {
  let id = '';
  doc.transact(() => {
    const afterId = fields.group ? lastOfGroup(doc, fields.group) : undefined;
    id = addCompetency(doc, { name: fields.name, group: fields.group, ...(afterId ? { afterId } : {}) });
  });
  return id;
}

/** Change a competency's group; it moves to the end of its new group when that group exists. */
export function regroupCompetency(doc: Y.Doc, id: string, group: string): void {
  doc.transact(() => {
    setCompetencyGroup(doc, id, group);
    const afterId = group ? lastOfGroup(doc, group, id) : undefined;
    if (afterId) moveCompetency(doc, id, { afterId });
  });
}

/** Distinct non-empty groups in display order. */
export function groupsOf(competencies: readonly CompetencyView[]): string[] {
  return [...new Set(competencies.map((c) => c.group).filter(Boolean))];
}

/** A code for a new level that follows the pattern of the last one (IC5 → IC6), else L<n>. */
export function suggestLevelCode(levels: readonly LevelView[]): string {
  const last = levels[levels.length - 1]?.code ?? '';
  const match = /^(.*?)(\d+)$/.exec(last);
  if (match) return `${match[1]}${Number(match[2]) + 1}`;
  return `L${levels.length + 1}`;
}
