import {
  competenciesMap,
  levelsMap,
  orderedCompetencies,
  orderedLevels,
  type CompetencyView,
  type LevelView,
} from '../domain.ts';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useYValue } from '../collab/use-y-value.ts';

export interface LadderStructure {
  levels: LevelView[];
  competencies: CompetencyView[];
}

/** Levels and competencies in display order, following every structural change live. */
export function useLadderStructure(doc: Y.Doc): LadderStructure {
  const types = useMemo(() => [levelsMap(doc), competenciesMap(doc)], [doc]);
  return useYValue(`structure:${doc.guid}`, types, () => ({
    levels: orderedLevels(doc),
    competencies: orderedCompetencies(doc),
  }));
}
