import * as Y from 'yjs';
import {
  LADDER_CONTENT_VERSION,
  docFromParagraphs,
  writeLadderContent,
  type LadderContent,
} from '@rungs/shared';

/** For merge tests: a 2 × 1 ladder with the given cell texts (`'L1:C1': 'text'`). */
export function smallLadder(cells: Record<string, string> = {}, title = 'Merge'): LadderContent {
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title,
    track: 'IC',
    description: docFromParagraphs(''),
    levels: [
      { id: 'L1', code: 'IC1', title: 'One', summary: docFromParagraphs(''), attributes: [] },
      { id: 'L2', code: 'IC2', title: 'Two', summary: docFromParagraphs(''), attributes: [] },
    ],
    competencies: [{ id: 'C1', name: 'Craft', group: '', description: docFromParagraphs('') }],
    cells: Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, docFromParagraphs(v)])),
  };
}

/** A Yjs state that holds `content`, written from nothing. */
export function stateOf(content: LadderContent): Uint8Array {
  const doc = new Y.Doc();
  writeLadderContent(doc, content);
  return Y.encodeStateAsUpdate(doc);
}
