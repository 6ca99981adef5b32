import { diffLadders, summarizeDiff, type LadderContent } from '@rungs/shared';
import type { DiffView } from '@rungs/shared/api/diff';

/** What changed from `base` to `head`, with one human sentence per change. */
export function diffView(base: LadderContent, head: LadderContent): DiffView {
  const diff = diffLadders(base, head);
  return { diff, summary: summarizeDiff(diff) };
}
