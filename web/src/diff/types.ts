/** The diff shapes the server sends (plain data from `@rungs/shared/diff`), for the web app. */
export type {
  BlockDiff,
  BlockInfo,
  CellDiff,
  Conflict,
  LadderDiff,
  LevelRename,
  CompetencyRename,
  Segment,
} from '@rungs/shared/diff/types';
