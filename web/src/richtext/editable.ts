import { richTextSchema, type RichText } from '../domain.ts';

/**
 * Whether the Tiptap editor can hold this rich text unchanged. The Yjs binding drops nodes that
 * break the schema's content rules (e.g. a paragraph directly in a list) from the *shared*
 * fragment as soon as an editor mounts, so such a cell must not be opened for editing.
 */
export function isEditableRichText(doc: RichText): boolean {
  if (!doc.content?.length) return true; // empty: the editor starts with an empty paragraph
  try {
    richTextSchema().nodeFromJSON(doc).check();
    return true;
  } catch {
    return false;
  }
}
