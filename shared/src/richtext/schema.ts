import { getSchema, type AnyExtension } from '@tiptap/core';
import { Node as PMNodeClass, type Schema } from '@tiptap/pm/model';
import { StarterKit } from '@tiptap/starter-kit';
import type { PMMark, PMNode, RichText } from '../model/rich-text.ts';

export interface RichTextExtensionOptions {
  /**
   * Keep StarterKit's own undo/redo history. Off by default: every editor in Rungs is bound to a
   * Yjs fragment through the Collaboration extension, which brings its own (Yjs) undo manager and
   * conflicts with the ProseMirror history plugin.
   */
  undoRedo?: boolean;
}

/**
 * The Tiptap extensions that define Rungs rich text (StarterKit v3, which already contains Link and
 * Underline). The web editor adds Collaboration / CollaborationCaret on top of this list; the
 * schema built from it is what `writeRichText` / `readRichText` use, so both sides agree on names.
 *
 * `trailingNode` is disabled so merely mounting an editor on a cell never rewrites its content
 * (it would append an empty paragraph to the shared fragment).
 */
export function richTextExtensions(options: RichTextExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      link: { openOnClick: false },
      trailingNode: false,
      ...(options.undoRedo ? {} : { undoRedo: false }),
    }),
  ];
}

let schemaSingleton: Schema | undefined;

/**
 * The ProseMirror schema of Rungs rich text — a lazy singleton: built on first call, the same
 * `Schema` object afterwards (a function rather than a constant so importing `shared` stays cheap
 * and node/schema identity checks inside ProseMirror always see the real object).
 */
export function richTextSchema(): Schema {
  schemaSingleton ??= getSchema(richTextExtensions());
  return schemaSingleton;
}

/** Keep only attributes the spec declares (ProseMirror rejects unknown ones). */
function knownAttrs(
  attrs: Record<string, unknown> | undefined,
  spec: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!attrs || !spec) return undefined;
  const out: Record<string, unknown> = {};
  let any = false;
  for (const key of Object.keys(attrs)) {
    if (Object.prototype.hasOwnProperty.call(spec, key) && attrs[key] !== undefined) {
      out[key] = attrs[key];
      any = true;
    }
  }
  return any ? out : undefined;
}

function sanitizeMarks(marks: PMMark[] | undefined, schema: Schema): PMMark[] {
  const out: PMMark[] = [];
  for (const m of marks ?? []) {
    const type = m && schema.marks[m.type];
    if (!type) continue;
    const attrs = knownAttrs(m.attrs, type.spec.attrs);
    const missingRequired = Object.entries(type.spec.attrs ?? {}).some(
      ([key, spec]) => !('default' in (spec as object)) && !(attrs && key in attrs),
    );
    if (missingRequired) continue;
    out.push(attrs ? { type: m.type, attrs } : { type: m.type });
  }
  return out;
}

/**
 * Drop node and mark types the schema does not know and flatten stray text arrays, so JSON that
 * came out of a merged Yjs fragment (or an old import) can always be parsed.
 */
function sanitize(node: PMNode, schema: Schema): PMNode | null {
  if (!schema.nodes[node.type]) return null;
  if (node.type === 'text') {
    if (!node.text) return null;
    const out: PMNode = { type: 'text', text: node.text };
    const marks = sanitizeMarks(node.marks, schema);
    if (marks.length) out.marks = marks;
    return out;
  }
  const out: PMNode = { type: node.type };
  const attrs = knownAttrs(node.attrs, schema.nodes[node.type]!.spec.attrs);
  if (attrs) out.attrs = attrs;
  const marks = sanitizeMarks(node.marks, schema);
  if (marks.length) out.marks = marks;
  if (node.content) {
    const content: PMNode[] = [];
    for (const child of (node.content as unknown[]).flat() as PMNode[]) {
      if (!child || typeof child !== 'object') continue;
      const c = sanitize(child, schema);
      if (c) content.push(c);
    }
    out.content = content;
  }
  return out;
}

/** Parse ProseMirror JSON into a node of the Rungs schema (unknown types are dropped). */
export function richTextToNode(
  doc: PMNode | null | undefined,
  schema: Schema = richTextSchema(),
): PMNodeClass {
  const clean = doc && doc.type === 'doc' ? sanitize(doc, schema) : null;
  if (!clean) return schema.topNodeType.create();
  return PMNodeClass.fromJSON(schema, clean);
}

/** ProseMirror node → canonical RichText JSON (`doc` always carries a `content` array). */
export function nodeToRichText(node: PMNodeClass): RichText {
  const json = node.toJSON() as RichText;
  return { ...json, content: json.content ?? [] };
}

/**
 * Canonical ProseMirror JSON for rich text: parsed through the schema (defaults for attributes
 * filled in, adjacent text with equal marks joined, unknown types dropped) and serialized again;
 * the top `doc` always has a `content` array, so an empty document is `{type:'doc', content:[]}`.
 * Idempotent; two documents with the same content normalize to deep-equal JSON.
 */
export function normalizeRichText(doc: PMNode | null | undefined): RichText {
  return nodeToRichText(richTextToNode(doc));
}

/**
 * Why `doc` breaks the schema's content rules (e.g. a `doc` inside a list item), or null when it
 * fits. Such JSON parses, but an editor opened on it would "repair" the cell by dropping content.
 */
export function richTextSchemaProblem(doc: PMNode | null | undefined): string | null {
  try {
    const node = richTextToNode(doc);
    if (node.childCount > 0) node.check(); // an empty doc is a cleared cell, not an error
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
