import { describeLadderLimitProblem, type LadderLimitProblem } from '../model/limits.ts';

/** Why a document could not be imported. Stable strings: the API and the wizard switch on them. */
export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'too_large'
  | 'invalid_json'
  | 'invalid_ladder'
  | 'truncated'
  | 'invalid_csv'
  | 'ragged_rows'
  | 'headings_only'
  | 'no_ladder'
  | 'unknown_format'
  | 'ladder_too_large'
  | 'unsafe_archive'
  | 'corrupt_file'
  | 'internal';

/**
 * The only error `importLadder` throws. `message` names the problem in words a user can act on and,
 * when it applies, the 1-based `line` of the source where it was found.
 */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImportError';
  }
}

/** The ladder the document describes is bigger than `LADDER_LIMITS` allows. */
export function ladderTooLarge(problem: LadderLimitProblem): ImportError {
  return new ImportError('ladder_too_large', describeLadderLimitProblem(problem));
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
