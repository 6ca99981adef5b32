import { LadderContentError, validateLadderContent, type LadderContent } from '../model/index.ts';
import { ImportError } from './errors.ts';

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Our own JSON: a `LadderContent` (or `{ content: LadderContent }`), validated. */
export function readLadderJson(text: string): LadderContent {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(text, Number(pos[1])) : undefined;
    if (/end of (JSON )?input|Unterminated/i.test(message)) {
      throw new ImportError(
        'truncated',
        `The JSON ends too early${line ? ` (line ${line})` : ''}; the file looks truncated.`,
        line ?? lineAt(text, text.length),
      );
    }
    throw new ImportError(
      'invalid_json',
      `The JSON is malformed${line ? ` at line ${line}` : ''}: ${message}`,
      line,
    );
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && 'content' in data && !('levels' in data)) {
    data = (data as { content: unknown }).content;
  }
  try {
    return structuredClone(validateLadderContent(data));
  } catch (e) {
    if (e instanceof LadderContentError) {
      throw new ImportError(
        'invalid_ladder',
        `The JSON is not a Rungs ladder: ${e.problems.slice(0, 3).join('; ')}.`,
      );
    }
    throw e;
  }
}
