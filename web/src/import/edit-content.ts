import {
  cellKey,
  isEmptyDoc,
  type Competency,
  type LadderContent,
  type Level,
  type RichText,
} from '../domain.ts';

/**
 * The fixes the import wizard offers before a ladder is created: rename, merge and drop levels
 * and competencies. Each returns a new `LadderContent` and leaves its input untouched (the
 * wizard keeps the previous versions for undo).
 */

/** Both texts, first then second; an empty side adds nothing. */
export function concatRichText(first: RichText | undefined, second: RichText | undefined): RichText {
  const parts = [first, second].filter((d): d is RichText => !!d && !isEmptyDoc(d));
  return { type: 'doc', content: parts.flatMap((d) => d.content ?? []) };
}

function withCell(cells: Record<string, RichText>, key: string, doc: RichText): void {
  if (isEmptyDoc(doc)) delete cells[key];
  else cells[key] = doc;
}

export function renameLevel(
  content: LadderContent,
  id: string,
  patch: Partial<Pick<Level, 'code' | 'title'>>,
): LadderContent {
  return { ...content, levels: content.levels.map((l) => (l.id === id ? { ...l, ...patch } : l)) };
}

export function renameCompetency(
  content: LadderContent,
  id: string,
  patch: Partial<Pick<Competency, 'name' | 'group'>>,
): LadderContent {
  return {
    ...content,
    competencies: content.competencies.map((c) => (c.id === id ? { ...c, ...patch } : c)),
  };
}

export function dropLevel(content: LadderContent, id: string): LadderContent {
  const cells = { ...content.cells };
  for (const c of content.competencies) delete cells[cellKey(id, c.id)];
  return { ...content, levels: content.levels.filter((l) => l.id !== id), cells };
}

export function dropCompetency(content: LadderContent, id: string): LadderContent {
  const cells = { ...content.cells };
  for (const l of content.levels) delete cells[cellKey(l.id, id)];
  return { ...content, competencies: content.competencies.filter((c) => c.id !== id), cells };
}

/** Whichever of the two comes first in `items`, then the other. */
function inOrder<T extends { id: string }>(items: T[], a: string, b: string): [T, T] | null {
  const ia = items.findIndex((x) => x.id === a);
  const ib = items.findIndex((x) => x.id === b);
  if (ia < 0 || ib < 0 || ia === ib) return null;
  return ia < ib ? [items[ia]!, items[ib]!] : [items[ib]!, items[ia]!];
}

/**
 * Merge level `sourceId` into `targetId`: the target keeps its name and place; its summary,
 * attributes and every cell hold both levels' text, in the order the levels had.
 */
export function mergeLevels(content: LadderContent, targetId: string, sourceId: string): LadderContent {
  const pair = inOrder(content.levels, targetId, sourceId);
  if (!pair) return content;
  const [first, second] = pair;
  const cells = { ...content.cells };
  for (const c of content.competencies) {
    const merged = concatRichText(cells[cellKey(first.id, c.id)], cells[cellKey(second.id, c.id)]);
    delete cells[cellKey(sourceId, c.id)];
    withCell(cells, cellKey(targetId, c.id), merged);
  }
  const levels = content.levels
    .filter((l) => l.id !== sourceId)
    .map((l) =>
      l.id === targetId
        ? {
            ...l,
            summary: concatRichText(first.summary, second.summary),
            attributes: [...first.attributes, ...second.attributes],
          }
        : l,
    );
  return { ...content, levels, cells };
}

/**
 * Merge competency `sourceId` into `targetId`: the target keeps its name, group and place; its
 * description and its cell at every level hold both competencies' text, in their order.
 */
export function mergeCompetencies(content: LadderContent, targetId: string, sourceId: string): LadderContent {
  const pair = inOrder(content.competencies, targetId, sourceId);
  if (!pair) return content;
  const [first, second] = pair;
  const cells = { ...content.cells };
  for (const l of content.levels) {
    const merged = concatRichText(cells[cellKey(l.id, first.id)], cells[cellKey(l.id, second.id)]);
    delete cells[cellKey(l.id, sourceId)];
    withCell(cells, cellKey(l.id, targetId), merged);
  }
  const competencies = content.competencies
    .filter((c) => c.id !== sourceId)
    .map((c) =>
      c.id === targetId ? { ...c, description: concatRichText(first.description, second.description) } : c,
    );
  return { ...content, competencies, cells };
}

export function filledCellCount(content: LadderContent): number {
  return Object.values(content.cells).filter((d) => !isEmptyDoc(d)).length;
}

export function competencyLabel(competency: Pick<Competency, 'name'>, index?: number): string {
  return competency.name || (index === undefined ? 'Untitled competency' : `Competency ${index + 1}`);
}
