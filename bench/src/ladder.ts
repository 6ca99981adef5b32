import * as Y from 'yjs';
import {
  LADDER_CONTENT_VERSION,
  docFromBullets,
  cellFragmentName,
  docFromParagraphs,
  type LadderContent,
} from '@rungs/shared';

export const LEVELS = 4;
export const COMPETENCIES = 5;

/** The ladder every server starts from: 4 levels × 5 competencies, each cell one short paragraph. */
export function benchLadder(): LadderContent {
  const levels = Array.from({ length: LEVELS }, (_, i) => ({
    id: `L${i + 1}`,
    code: `IC${i + 1}`,
    title: `Engineer ${i + 1}`,
    summary: docFromParagraphs(`What an IC${i + 1} engineer is trusted with.`),
    attributes: [],
  }));
  const competencies = Array.from({ length: COMPETENCIES }, (_, i) => ({
    id: `C${i + 1}`,
    name: `Competency ${i + 1}`,
    group: i % 2 ? 'Craft' : 'Results',
    description: docFromParagraphs(''),
  }));
  const cells: LadderContent['cells'] = {};
  for (const l of levels)
    for (const c of competencies) cells[`${l.id}:${c.id}`] = docFromParagraphs('Expect ');
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title: 'Bench ladder',
    track: 'Engineering',
    description: docFromParagraphs('A ladder the latency bench types into.'),
    levels,
    competencies,
    cells,
  };
}

export const LARGE_LEVELS = 20;
export const LARGE_COMPETENCIES = 40;

/** A 20 × 40 ladder where every cell holds two bullets, as a written ladder does. */
export function largeLadder(): LadderContent {
  const levels = Array.from({ length: LARGE_LEVELS }, (_, i) => ({
    id: `L${i + 1}`,
    code: `E${i + 1}`,
    title: `Engineer ${i + 1}`,
    summary: docFromBullets([`What an E${i + 1} engineer is trusted with.`]),
    attributes: [],
  }));
  const competencies = Array.from({ length: LARGE_COMPETENCIES }, (_, i) => ({
    id: `C${i + 1}`,
    name: `Competency ${i + 1}`,
    group: ['Craft', 'Delivery', 'People', 'Direction'][i % 4]!,
    description: docFromParagraphs(''),
  }));
  const cells: LadderContent['cells'] = {};
  for (const l of levels)
    for (const c of competencies)
      cells[`${l.id}:${c.id}`] = docFromBullets([
        `${c.name} at ${l.code}: owns outcomes of growing scope.`,
        'Explains trade-offs and brings others along.',
      ]);
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title: 'Browser bench ladder',
    track: 'Engineering',
    description: docFromBullets([`A ${LARGE_LEVELS} × ${LARGE_COMPETENCIES} ladder for the browser bench.`]),
    levels,
    competencies,
    cells,
  };
}

/** The cell editor `index` types into: editors spread over the cells, several per cell at 100. */
export function cellForEditor(index: number): string {
  const cell = index % (LEVELS * COMPETENCIES);
  return cellFragmentName(`L${Math.floor(cell / COMPETENCIES) + 1}`, `C${(cell % COMPETENCIES) + 1}`);
}

/** The text node of a cell's first paragraph, where the editor's caret sits (created if missing). */
export function caretText(doc: Y.Doc, fragmentName: string): Y.XmlText {
  const fragment = doc.getXmlFragment(fragmentName);
  let paragraph = fragment.get(0);
  if (!(paragraph instanceof Y.XmlElement)) {
    paragraph = new Y.XmlElement('paragraph');
    fragment.insert(0, [paragraph]);
  }
  let text = paragraph.get(0);
  if (!(text instanceof Y.XmlText)) {
    text = new Y.XmlText();
    paragraph.insert(0, [text]);
  }
  return text;
}
