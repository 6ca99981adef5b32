import * as Y from 'yjs';
import { readLadderContent, writeLadderContent, type LadderContent } from '@rungs/shared';

/**
 * The proposal's own changes: everything in its state that its base version did not have.
 * `baseState` null means the proposal started from nothing (a ladder's first proposal).
 */
export function proposalDelta(proposalState: Uint8Array, baseState: Uint8Array | null): Uint8Array {
  if (!baseState) return proposalState;
  return Y.diffUpdate(proposalState, Y.encodeStateVectorFromUpdate(baseState));
}

export interface MergeResult {
  state: Uint8Array;
  content: LadderContent;
}

/** Applies `delta` onto the published state (a CRDT merge) and reads the result. */
export function applyOnto(publishedState: Uint8Array | null, delta: Uint8Array): MergeResult {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (publishedState) Y.applyUpdate(doc, publishedState);
      Y.applyUpdate(doc, delta);
    });
    return { state: Y.encodeStateAsUpdate(doc), content: readLadderContent(doc) };
  } finally {
    doc.destroy();
  }
}

/** The ladder a Yjs state holds. */
export function contentOfState(state: Uint8Array): LadderContent {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readLadderContent(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * A fork of `forkState` whose content is `content`: the published history plus the edits that
 * turn it into `content`, so it merges back like any other change (restore).
 */
export function forkWithContent(forkState: Uint8Array, content: LadderContent): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, forkState);
    writeLadderContent(doc, content);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

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
