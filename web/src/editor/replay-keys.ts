import type { Editor } from '@tiptap/core';
import { Selection, TextSelection } from '@tiptap/pm/state';
import { isPrintableKey, type PendingKey } from './key-buffer.ts';

/** Moves the caret for the navigation keys the browser would handle natively. */
function moveCaret(editor: Editor, key: PendingKey): boolean {
  const { view } = editor;
  const { state } = view;
  const mod = key.ctrlKey || key.metaKey;
  let selection: Selection | null = null;
  if (mod && key.key === 'Home') selection = Selection.atStart(state.doc);
  else if (mod && key.key === 'End') selection = Selection.atEnd(state.doc);
  else if (key.key === 'Home') return editor.commands.selectTextblockStart();
  else if (key.key === 'End') return editor.commands.selectTextblockEnd();
  else if (key.key === 'ArrowLeft' || key.key === 'ArrowRight') {
    const dir = key.key === 'ArrowLeft' ? -1 : 1;
    const head = state.selection.head + dir;
    if (head < 0 || head > state.doc.content.size) return true;
    selection = TextSelection.near(state.doc.resolve(head), dir);
  }
  if (!selection) return false;
  view.dispatch(state.tr.setSelection(selection).scrollIntoView());
  return true;
}

/** Applies keys typed before the editor had the focus, as if they were typed into it. */
export function replayKeys(editor: Editor, keys: readonly PendingKey[], onEscape: () => void): void {
  const { view } = editor;
  for (const key of keys) {
    if (key.key === 'Escape') return onEscape();
    if (moveCaret(editor, key)) continue;
    if (isPrintableKey(key)) {
      const { from, to } = view.state.selection;
      const handled = view.someProp('handleTextInput', (f) =>
        f(view, from, to, key.key, () => view.state.tr),
      );
      if (!handled) view.dispatch(view.state.tr.insertText(key.key, from, to));
      continue;
    }
    const event = new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true });
    view.someProp('handleKeyDown', (f) => f(view, event));
  }
}
