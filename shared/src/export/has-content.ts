import { normalizeBlocks } from '../import/rich-text/normalize.ts';
import type { RichText } from '../model/index.ts';

/** Whether a rich text shows anything: the editor's empty document is one empty paragraph. */
export function hasContent(doc: RichText | undefined): doc is RichText {
  return Boolean(doc?.content?.length) && normalizeBlocks(doc!.content!).length > 0;
}
