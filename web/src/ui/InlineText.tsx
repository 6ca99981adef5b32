import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * Text that becomes an input when activated. Enter or blur commits, Escape cancels. Empty values
 * are refused when `required`.
 */
export function InlineText({
  value,
  onCommit,
  label,
  placeholder,
  required = false,
  maxLength = 200,
  className,
  readOnly = false,
  as: Tag = 'span',
}: {
  value: string;
  onCommit(next: string): void | Promise<void>;
  /** Accessible name, e.g. "Level code". */
  label: string;
  placeholder?: string;
  required?: boolean;
  maxLength?: number;
  className?: string;
  /** Show the text without offering to edit it. */
  readOnly?: boolean;
  as?: 'span' | 'h1' | 'div';
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const done = useRef(false);

  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);

  // A rename typed but not committed yet is lost on leaving: let the browser ask first, as it
  // does for cell edits that are not stored yet.
  const unsaved = editing && draft.trim() !== value;
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);

  function start() {
    setDraft(value);
    done.current = false;
    setEditing(true);
  }

  function finish(commit: boolean) {
    if (done.current) return;
    done.current = true;
    setEditing(false);
    const next = draft.trim();
    if (commit && next !== value && (next !== '' || !required)) void onCommit(next);
    requestAnimationFrame(() => buttonRef.current?.focus({ preventScroll: true }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    }
  }

  if (readOnly) {
    return (
      <Tag className={`inline-text is-readonly ${className ?? ''}`}>
        {value || <span className="placeholder">{placeholder ?? 'Untitled'}</span>}
      </Tag>
    );
  }
  if (editing) {
    return (
      <input
        ref={inputRef}
        className={`inline-input ${className ?? ''}`}
        value={draft}
        aria-label={label}
        placeholder={placeholder}
        maxLength={maxLength}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(true)}
      />
    );
  }
  return (
    <Tag className={`inline-text ${className ?? ''}`}>
      <button
        ref={buttonRef}
        type="button"
        className="inline-text-button"
        onClick={start}
        // The name starts with what the button shows (WCAG 2.5.3), the placeholder when empty.
        aria-label={`${label}: ${value || (placeholder ?? 'Untitled')}. Edit`}
        title={`Edit ${label.toLowerCase()}`}
      >
        {value || <span className="placeholder">{placeholder ?? 'Untitled'}</span>}
      </button>
    </Tag>
  );
}
