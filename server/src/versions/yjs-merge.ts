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
