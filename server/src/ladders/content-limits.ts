import { ladderLimitProblem, type LadderContent, type LadderLimitProblem } from '@rungs/shared';

/** The first of `LADDER_LIMITS` a ladder's content exceeds (levels, competencies, JSON bytes), or null. */
export function contentLimitProblem(content: LadderContent): LadderLimitProblem | null {
  return (
    ladderLimitProblem(content) ?? ladderLimitProblem(content, Buffer.byteLength(JSON.stringify(content)))
  );
}
