import * as Y from 'yjs';
import { readLadderContent, type LadderContent } from '@rungs/shared';
import type { RoomManager } from '../collab/room-manager.ts';
import { stateFingerprint } from './fingerprint.ts';

/** A proposal's document at one moment: its Yjs state, fingerprint and ladder. */
export interface LiveState {
  state: Uint8Array;
  fingerprint: string;
  content: LadderContent;
}

export function liveStateOfDoc(doc: Y.Doc): LiveState {
  return {
    state: Y.encodeStateAsUpdate(doc),
    fingerprint: stateFingerprint(doc),
    content: readLadderContent(doc),
  };
}

/** The document as its room holds it now. */
export function readLiveState(rooms: RoomManager, documentName: string): Promise<LiveState> {
  return rooms.read(documentName, liveStateOfDoc);
}

/** The document a stored state holds (what publishing reads under the document's lock). */
export function liveStateOf(state: Uint8Array): LiveState {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    return liveStateOfDoc(doc);
  } finally {
    doc.destroy();
  }
}
