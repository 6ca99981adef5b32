import { Extension, type AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { richTextExtensions } from '../domain.ts';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Identity } from '../identity/identity.ts';

/** Renders a remote caret: a thin coloured bar with the person's name above it. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = String(user.color);
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = String(user.color);
  label.textContent = String(user.name ?? '');
  caret.append(label);
  return caret;
}

/**
 * Ctrl/Cmd+Home and End move the caret through a transaction instead of the browser's native
 * move: a native move sits only in the DOM until ProseMirror reads it back, and a transaction in
 * between (a remote caret, the collaboration sync, its focus check) puts the old caret back, so
 * what is typed next lands where the caret was before (seen on a busy machine).
 */
const DocumentEdgeKeys = Extension.create({
  name: 'documentEdgeKeys',
  addKeyboardShortcuts() {
    return {
      'Mod-Home': () => this.editor.commands.focus('start'),
      'Mod-End': () => this.editor.commands.focus('end'),
    };
  },
});

/**
 * The Tiptap extensions of a cell editor: the shared Rungs schema, bound to one root fragment of
 * the ladder document, with other people's carets.
 */
export function cellEditorExtensions(options: {
  doc: Y.Doc;
  fragmentName: string;
  provider: WebsocketProvider;
  identity: Identity;
}): AnyExtension[] {
  return [
    ...richTextExtensions(),
    DocumentEdgeKeys,
    Collaboration.configure({ document: options.doc, field: options.fragmentName }),
    CollaborationCaret.configure({
      provider: options.provider,
      user: { name: options.identity.name, color: options.identity.color },
      render: renderCaret,
    }),
  ];
}
