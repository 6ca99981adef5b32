import type { LadderContent } from './ladder-content.ts';

/**
 * How big a ladder may grow, whichever path writes it (import, REST, websocket updates, restore).
 * Generous for real ladders (the largest we know has about 15 levels × 60 competencies), small
 * enough that one document can't exhaust a server.
 */
export const LADDER_LIMITS = {
  maxLevels: 100,
  maxCompetencies: 400,
  /** Bytes of the canonical JSON (`LadderContent`) of the whole ladder. */
  maxContentBytes: 8 * 1024 * 1024,
  /** Bytes of a document's encoded Yjs state (text plus history of deletions). */
  maxDocumentBytes: 16 * 1024 * 1024,
} as const;

export type LadderLimitProblem =
  | { kind: 'levels'; count: number; limit: number }
  | { kind: 'competencies'; count: number; limit: number }
  | { kind: 'bytes'; count: number; limit: number };

/** The first limit `content` exceeds, or null. */
export function ladderLimitProblem(
  content: Pick<LadderContent, 'levels' | 'competencies'>,
  contentBytes?: number,
): LadderLimitProblem | null {
  if (content.levels.length > LADDER_LIMITS.maxLevels)
    return { kind: 'levels', count: content.levels.length, limit: LADDER_LIMITS.maxLevels };
  if (content.competencies.length > LADDER_LIMITS.maxCompetencies)
    return { kind: 'competencies', count: content.competencies.length, limit: LADDER_LIMITS.maxCompetencies };
  if (contentBytes !== undefined && contentBytes > LADDER_LIMITS.maxContentBytes)
    return { kind: 'bytes', count: contentBytes, limit: LADDER_LIMITS.maxContentBytes };
  return null;
}

/** What a person reads when a ladder would grow past a limit. */
export function describeLadderLimitProblem(problem: LadderLimitProblem): string {
  switch (problem.kind) {
    case 'levels':
      return `A ladder can have at most ${problem.limit} levels; this one would have ${problem.count}. Split it into several ladders.`;
    case 'competencies':
      return `A ladder can have at most ${problem.limit} competencies; this one would have ${problem.count}. Split it into several ladders.`;
    case 'bytes':
      return `A ladder can hold at most ${Math.round(problem.limit / 1024 / 1024)} MB of text; this one would hold ${(problem.count / 1024 / 1024).toFixed(1)} MB. Shorten it or split it into several ladders.`;
  }
}
