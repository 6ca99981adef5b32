import { exportHtml, LADDER_DATA_ID } from '../../export/html.ts';
import {
  cellKey,
  newId,
  validateLadderContent,
  type Competency,
  type LadderContent,
  type Level,
} from '../../model/index.ts';

const DATA = new RegExp(`<script type="application/json" id="${LADDER_DATA_ID}">([^<]*)</script>`);

export interface PortableLadder extends Omit<LadderContent, 'levels' | 'competencies'> {
  levels: Omit<Level, 'id'>[];
  competencies: Omit<Competency, 'id'>[];
}

/** Give a ladder written without ids (`withoutIds`) new ids; cells keyed `levelIndex:competencyIndex`. */
export function withNewIds(data: PortableLadder): LadderContent {
  const levels = data.levels.map((l) => ({ ...l, id: newId() }));
  const competencies = data.competencies.map((c) => ({ ...c, id: newId() }));
  const cells: LadderContent['cells'] = {};
  for (const [key, doc] of Object.entries(data.cells ?? {})) {
    const [level, competency] = key.split(':').map(Number);
    const l = levels[level!];
    const c = competencies[competency!];
    if (!l || !c) throw new Error(`cell ${key} points at no level or competency`);
    cells[cellKey(l.id, c.id)] = doc;
  }
  return validateLadderContent({ ...data, levels, competencies, cells });
}

/**
 * The ladder our HTML export embeds, when the page is exactly what we wrote for it. A page edited
 * since (or saved by another editor) returns null and is read from what it shows.
 */
export function embeddedLadder(html: string): LadderContent | null {
  const data = DATA.exec(html)?.[1];
  if (!data) return null;
  let content: LadderContent;
  try {
    content = withNewIds(JSON.parse(data) as PortableLadder);
  } catch {
    return null;
  }
  const unchanged = [false, true].some((onePerPage) => exportHtml(content, { onePerPage }) === html);
  return unchanged ? content : null;
}
