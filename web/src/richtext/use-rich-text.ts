import { readRichText, type RichText } from '../domain.ts';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useYValue } from '../collab/use-y-value.ts';

/** The rich text of the root fragment `name`, as ProseMirror JSON; re-renders only on its changes. */
export function useRichText(doc: Y.Doc, name: string): RichText {
  const fragment = useMemo(() => doc.getXmlFragment(name), [doc, name]);
  const types = useMemo(() => [fragment], [fragment]);
  return useYValue(`${doc.guid}:${name}`, types, () => readRichText(fragment));
}
