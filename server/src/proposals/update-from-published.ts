import * as Y from 'yjs';
import { writeLadderContent, type LadderContent } from '@rungs/shared';

/**
 * Brings the published state's history into the proposal's doc, then writes the resolved merge
 * over it, in the caller's transaction: editors get one change, and the doc now descends from the
 * published state, so publishing it later applies only the proposal's own edits again. Merging the
 * history alone would let the CRDT decide both-sided edits (e.g. interleave two texts of a cell);
 * writing `merged` afterwards makes the content exactly what the author chose.
 */
export function applyUpdateFromPublished(
  doc: Y.Doc,
  publishedState: Uint8Array,
  merged: LadderContent,
): void {
  doc.transact(() => {
    Y.applyUpdate(doc, publishedState);
    writeLadderContent(doc, merged);
  });
}
