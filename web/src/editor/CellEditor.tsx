import { EditorContent, useEditor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { useEffect } from 'react';
import { useCanEdit } from '../auth/use-can-edit.ts';
import { useCollab } from '../collab/CollabContext.tsx';
import { useIdentity } from '../identity/IdentityContext.tsx';
import { cellEditorExtensions } from './extensions.ts';
import { replayKeys } from './replay-keys.ts';
import { Toolbar } from './Toolbar.tsx';

/**
 * A live Tiptap editor on one root fragment. Mounted only while someone edits that cell; its
 * caret starts where the user clicked (`point`) or at the end.
 */
export function CellEditor({
  fragmentName,
  label,
  point,
}: {
  fragmentName: string;
  label: string;
  point: { x: number; y: number } | null;
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
      immediatelyRender: true,
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
    replayKeys(editor, editing.keys.take(), () => editing.stop(fragmentName));
    // Only when the editor is created: later `point` changes belong to another mount.
  }, [editor]);

  useEffect(() => () => awareness.setLocalStateField('cursor', null), [awareness]);

  if (!editor) return null;
  return (
    <div className="cell-editor">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}
