import { createContext, useContext } from 'react';
import type { Thread } from '../api/comments.ts';

export interface ActiveCell {
  key: string;
  label: string;
}

/** The comment threads of the proposal on screen, and which cell's thread is open. */
export interface CommentsState {
  threads: readonly Thread[];
  byCell: ReadonlyMap<string, readonly Thread[]>;
  activeCell: ActiveCell | null;
  openCell(cell: ActiveCell): void;
  closeCell(): void;
  canComment: boolean;
}

export const CommentsContext = createContext<CommentsState | null>(null);

export function useComments(): CommentsState | null {
  return useContext(CommentsContext);
}

/** Threads grouped by the cell they are on (proposal-level threads are left out). */
export function threadsByCell(threads: readonly Thread[]): Map<string, Thread[]> {
  const map = new Map<string, Thread[]>();
  for (const t of threads) {
    if (!t.cellKey) continue;
    const list = map.get(t.cellKey);
    if (list) list.push(t);
    else map.set(t.cellKey, [t]);
  }
  return map;
}
