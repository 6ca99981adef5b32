export * from './types.ts';
export { diffLadders, isEmpty } from './ladder-diff.ts';
export { summarizeDiff } from './summarize.ts';
export {
  compareLevels,
  type LevelComparison,
  type LevelComparisonRow,
  type CompareLevelsOptions,
} from './compare-levels.ts';
export { detectConflicts } from './conflicts.ts';
export { diffRichText, hasBlockChanges, type RichTextDiffOptions } from './rich-text-diff.ts';
export type { Granularity } from './inline-diff.ts';
export { detectMoves } from './order-diff.ts';
export * from './update-plan.ts';
