import { createContext, useContext, type ReactNode } from 'react';

/**
 * Extra controls a page puts into each cell of the matrix (e.g. the comment badge of a proposal
 * under review). `label` names the cell for people and screen readers ("Delivery at IC3").
 */
export type CellExtras = (levelId: string, competencyId: string, label: string) => ReactNode;

export const CellExtrasContext = createContext<CellExtras | null>(null);

export function useCellExtras(): CellExtras | null {
  return useContext(CellExtrasContext);
}
