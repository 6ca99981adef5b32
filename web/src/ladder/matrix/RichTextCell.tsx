import { isEmptyDoc } from '../../domain.ts';
import {
  memo,
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useCanEdit } from '../../auth/use-can-edit.ts';
import { useCollab } from '../../collab/CollabContext.tsx';
import { useEditorsOf, useIsEditing } from '../../collab/hooks.ts';
import { PeerBadges } from '../../collab/PeerBadges.tsx';
import { CellEditor } from '../../editor/CellEditor.tsx';
import { isEditableRichText } from '../../richtext/editable.ts';
import { RichTextView } from '../../richtext/RichTextView.tsx';
import { useRichText } from '../../richtext/use-rich-text.ts';
import { isPrintableKey, pendingKeyOf, type PendingKey } from '../../editor/key-buffer.ts';

/**
 * One rich-text fragment of the ladder (cell, level summary, competency or ladder description):
 * rendered statically, with a live editor mounted only while this browser edits it. Click, Enter
 * or F2 starts editing; Escape or leaving the cell stops.
 */
export const RichTextCell = memo(function RichTextCell({
  fragmentName,
  label,
  placeholder = 'Empty',
  className,
  navRow,
  navCol,
}: {
  fragmentName: string;
  /** What this is, for people and screen readers, e.g. "Delivery at IC3". */
  label: string;
  placeholder?: string;
  className?: string;
  navRow?: number;
  navCol?: number;
}) {
  const { doc, editing: editingStore } = useCollab();
  const editing = useIsEditing(fragmentName);
  const peers = useEditorsOf(fragmentName);
  const content = useRichText(doc, fragmentName);
  const rootRef = useRef<HTMLDivElement>(null);
  const staticRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);
  const labelId = useId();
  const canEdit = useCanEdit();
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      staticRef.current?.focus({ preventScroll: true });
    }
  }, [editing]);

  // A cell that disappears (its level or competency was removed) stops being edited.
  useEffect(() => () => editingStore.stop(fragmentName), [editingStore, fragmentName]);

  function startEditing(point: { x: number; y: number } | null, typed: PendingKey[] = []) {
    if (!canEdit) return;
    if (!isEditableRichText(content)) {
      setProblem('This text has a structure the editor cannot open without losing parts of it.');
      return;
    }
    setProblem(null);
    editingStore.start(fragmentName, point, typed);
  }

  function onStaticKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (canEdit && (event.key === 'Enter' || event.key === 'F2')) {
      event.preventDefault();
      startEditing(null);
    } else if (canEdit && isPrintableKey(event) && !event.altKey) {
      // Typing on a cell starts editing it with what was typed, at the end of its text.
      event.preventDefault();
      startEditing(null, [pendingKeyOf(event)]);
    }
  }

  function onStaticClick(event: MouseEvent<HTMLDivElement>) {
    if (window.getSelection()?.type === 'Range') return; // selecting text to copy, not editing
    startEditing({ x: event.clientX, y: event.clientY });
  }

  function onRootKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (editing && event.key === 'Escape') {
      event.preventDefault();
      returnFocus.current = true;
      editingStore.stop(fragmentName);
    }
  }

  function onRootBlur(event: FocusEvent<HTMLDivElement>) {
    if (!editing) return;
    const next = event.relatedTarget as Node | null;
    if (next && rootRef.current?.contains(next)) return;
    // Decide once focus has settled: swapping the static view for the editor blurs too.
    requestAnimationFrame(() => {
      const root = rootRef.current;
      if (!root || root.contains(document.activeElement)) return;
      // Switching windows or tabs keeps the editor; moving elsewhere in the page closes it.
      if (!document.hasFocus()) return;
      editingStore.stop(fragmentName);
    });
  }

  const empty = isEmptyDoc(content);
  const peerColor = peers[0]?.color;
  return (
    <div
      ref={rootRef}
      className={`rt-cell ${className ?? ''} ${editing ? 'is-editing' : ''} ${peerColor ? 'has-peers' : ''}`}
      style={peerColor ? ({ '--peer-color': peerColor } as CSSProperties) : undefined}
      data-fragment={fragmentName}
      onKeyDown={onRootKeyDown}
      onBlur={onRootBlur}
    >
      {peers.length > 0 && <PeerBadges peers={peers} />}
      {editing ? (
        <CellEditor
          fragmentName={fragmentName}
          label={label}
          point={editingStore.get().point}
          fallback={
            <div className="rich-text cell-editor-content">{!empty && <RichTextView doc={content} />}</div>
          }
        />
      ) : (
        <div
          ref={staticRef}
          className="rt-static"
          role={canEdit ? 'button' : undefined}
          tabIndex={0}
          aria-describedby={labelId}
          data-nav-row={navRow}
          data-nav-col={navCol}
          onClick={onStaticClick}
          onKeyDown={onStaticKeyDown}
        >
          <div className={`rich-text ${empty ? 'is-empty' : ''}`}>
            {empty ? <span className="placeholder">{placeholder}</span> : <RichTextView doc={content} />}
          </div>
          {/* The name is the visible text (label in name); what the cell is comes as description. */}
          <span id={labelId} className="visually-hidden" aria-hidden="true">
            {canEdit ? `Edit ${label}` : label}
          </span>
          {problem && (
            <p className="cell-problem" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
    </div>
  );
});
