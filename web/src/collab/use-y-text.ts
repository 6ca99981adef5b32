import type * as Y from 'yjs';
import { useYValue } from './use-y-value.ts';

/** The current string of a Y.Text, re-rendering when it changes. */
export function useYText(text: Y.Text, key: string): string {
  return useYValue(key, [text], () => text.toString());
}
