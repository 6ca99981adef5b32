/**
 * Rich text ⇄ root-level Y.XmlFragment, in exactly the format Tiptap's Collaboration extension
 * (`@tiptap/y-tiptap`'s ySyncPlugin) reads and writes: we use its own `updateYFragment` (through
 * `prosemirrorToYXmlFragment`) to write and its serializer to read.
 */
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { PMNode, RichText } from '../model/rich-text.ts';
import { nodeToRichText, richTextToNode } from '../richtext/schema.ts';

/** Remove all content of a fragment (the fragment itself stays; root types cannot be deleted). */
export function clearFragment(fragment: Y.XmlFragment): void {
  if (fragment.length === 0) return;
  const run = () => fragment.delete(0, fragment.length);
  if (fragment.doc) fragment.doc.transact(run);
  else run();
}

/**
 * Replace the content of `fragment` with `json`, in place (the fragment object is never swapped).
 * The change is a diff against the current content, so unchanged paragraphs keep their Yjs
 * identity and concurrent edits elsewhere merge. An empty doc clears the fragment.
 */
export function writeRichText(fragment: Y.XmlFragment, json: PMNode | null | undefined): void {
  const node = richTextToNode(json);
  if (node.childCount === 0) {
    clearFragment(fragment);
    return;
  }
  node.check(); // throws before anything is written: invalid structure would be lost by editors
  prosemirrorToYXmlFragment(node, fragment);
}

/**
 * The content of a fragment as canonical ProseMirror JSON (see `normalizeRichText`); an empty
 * fragment reads as `{type:'doc', content:[]}`. Pure: never modifies the fragment.
 */
export function readRichText(fragment: Y.XmlFragment): RichText {
  if (fragment.length === 0) return { type: 'doc', content: [] };
  return nodeToRichText(richTextToNode(yXmlFragmentToProsemirrorJSON(fragment) as PMNode));
}

/** True when the fragment holds no nodes at all. */
export function isFragmentEmpty(fragment: Y.XmlFragment): boolean {
  return fragment.length === 0;
}
