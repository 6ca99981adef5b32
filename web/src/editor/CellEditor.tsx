import { EditorContent, useEditor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { useEffect, type ReactNode } from 'react';
import { useCanEdit } from '../auth/use-can-edit.ts';
import { useCollab } from '../collab/CollabContext.tsx';
import { useIdentity } from '../identity/IdentityContext.tsx';
import { cellEditorExtensions } from './extensions.ts';
import { replayKeys } from './replay-keys.ts';
import { Toolbar } from './Toolbar.tsx';

/** Longer than the 20 ms prosemirror-view waits after focus before re-syncing the selection. */
const PROSEMIRROR_FOCUS_SETTLE_MS = 30;

/**
 * A live Tiptap editor on one root fragment. Mounted only while someone edits that cell; its
 * caret starts where the user clicked (`point`) or at the end.
 */
export function CellEditor({
  fragmentName,
  label,
  point,
  fallback,
}: {
  fragmentName: string;
  label: string;
  point: { x: number; y: number } | null;
  /** Shown until the editor exists, so the cell does not flash empty. */
  fallback: ReactNode;
}) {
  const { doc, provider, awareness, editing } = useCollab();
  const { identity } = useIdentity();
  // Cells don't open an editor for readers; should one mount anyway, it stays read-only.
  const editable = useCanEdit();

  const editor = useEditor(
    {
      editable,
      extensions: cellEditorExtensions({
        doc,
        fragmentName,
        provider,
        identity,
      }),
      // Created in an effect, not during render: an editor made while rendering is destroyed
      // by Tiptap if the effects run later than 1 ms (a busy machine), and the keys and caret
      // placed in it would be lost with it.
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'rich-text cell-editor-content',
          'aria-label': label,
          'aria-multiline': 'true',
          role: 'textbox',
        },
      },
    },
    [fragmentName, editable],
  );

  useEffect(() => {
    if (!editor) return;
    const { view } = editor;
    let pos: number | null = null;
    if (point) pos = view.posAtCoords({ left: point.x, top: point.y })?.pos ?? null;
    if (pos === null) {
      editor.commands.focus('end', { scrollIntoView: false });
    } else {
      const selection = TextSelection.near(view.state.doc.resolve(pos));
      view.dispatch(view.state.tr.setSelection(selection));
      view.focus();
    }
    // ProseMirror checks the DOM selection 20 ms after it gains focus and, if it still sits where
    // focusing put it, writes its own selection back: a Ctrl+Home pressed in that window would be
    // undone. So the keys stay buffered until that check has run, then apply through the editor.
    const replay = setTimeout(
      () => replayKeys(editor, editing.keys.take(), () => editing.stop(fragmentName)),
      PROSEMIRROR_FOCUS_SETTLE_MS,
    );
    return () => clearTimeout(replay);
    // Only when the editor is created: later `point` changes belong to another mount.
  }, [editor]);

  useEffect(() => () => awareness.setLocalStateField('cursor', null), [awareness]);

  if (!editor) return <div className="cell-editor">{fallback}</div>;
  return (
    <div className="cell-editor">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}
