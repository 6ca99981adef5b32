import type { AnyExtension } from '@tiptap/core';
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
    Collaboration.configure({ document: options.doc, field: options.fragmentName }),
    CollaborationCaret.configure({
      provider: options.provider,
      user: { name: options.identity.name, color: options.identity.color },
      render: renderCaret,
    }),
  ];
}
