import { useEditorState, type Editor } from '@tiptap/react';
import { useState, type ReactNode } from 'react';
import { Icon } from '../ui/icons.tsx';
import { LinkForm } from './LinkForm.tsx';

function ToolButton({
  label,
  shortcut,
  active,
  onRun,
  children,
}: {
  label: string;
  shortcut?: string;
  active: boolean;
  onRun(): void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`tool ${active ? 'is-active' : ''}`}
      aria-label={label}
      aria-pressed={active}
      title={shortcut ? `${label} (${shortcut})` : label}
      // Keep the caret in the editor when clicking.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onRun}
    >
      {children}
    </button>
  );
}

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Formatting for the cell being edited: headings, bold, italic, lists, link. */
export function Toolbar({ editor }: { editor: Editor }) {
  const [linking, setLinking] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
    }),
  });
  const chain = () => editor.chain().focus();

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {linking ? (
        <LinkForm
          initial={state.href}
          onApply={(href) => {
            if (!href) chain().extendMarkRange('link').unsetLink().run();
            else if (editor.state.selection.empty && !state.link) {
              // Nothing selected: insert the address itself as a link, and keep typing plain text.
              chain()
                .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
                .unsetMark('link')
                .run();
            } else chain().extendMarkRange('link').setLink({ href }).run();
            setLinking(false);
          }}
          onCancel={() => {
            setLinking(false);
            editor.commands.focus();
          }}
        />
      ) : (
        <>
          <ToolButton
            label="Heading 1"
            active={state.h1}
            onRun={() => chain().toggleHeading({ level: 1 }).run()}
          >
            H1
          </ToolButton>
          <ToolButton
            label="Heading 2"
            active={state.h2}
            onRun={() => chain().toggleHeading({ level: 2 }).run()}
          >
            H2
          </ToolButton>
          <ToolButton
            label="Heading 3"
            active={state.h3}
            onRun={() => chain().toggleHeading({ level: 3 }).run()}
          >
            H3
          </ToolButton>
          <span className="tool-separator" aria-hidden="true" />
          <ToolButton
            label="Bold"
            shortcut={`${MOD}+B`}
            active={state.bold}
            onRun={() => chain().toggleBold().run()}
          >
            <strong>B</strong>
          </ToolButton>
          <ToolButton
            label="Italic"
            shortcut={`${MOD}+I`}
            active={state.italic}
            onRun={() => chain().toggleItalic().run()}
          >
            <em>I</em>
          </ToolButton>
          <span className="tool-separator" aria-hidden="true" />
          <ToolButton
            label="Bullet list"
            shortcut={`${MOD}+Shift+8`}
            active={state.bulletList}
            onRun={() => chain().toggleBulletList().run()}
          >
            <Icon name="bulletList" />
          </ToolButton>
          <ToolButton
            label="Numbered list"
            shortcut={`${MOD}+Shift+7`}
            active={state.orderedList}
            onRun={() => chain().toggleOrderedList().run()}
          >
            <Icon name="orderedList" />
          </ToolButton>
          <span className="tool-separator" aria-hidden="true" />
          <ToolButton label="Link" active={state.link} onRun={() => setLinking(true)}>
            <Icon name="link" />
          </ToolButton>
        </>
      )}
    </div>
  );
}
