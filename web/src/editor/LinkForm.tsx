import { useState, type FormEvent } from 'react';
import { safeHref } from '../richtext/RichTextView.tsx';

/** Inline "link to…" field: Enter applies, an empty field removes the link, Escape cancels. */
export function LinkForm({
  initial,
  onApply,
  onCancel,
}: {
  initial: string;
  onApply(href: string): void;
  onCancel(): void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = value.trim();
    if (!trimmed) return onApply('');
    const href = safeHref(trimmed);
    if (!href) return setError('Use a web address such as https://example.com');
    onApply(href);
  }

  return (
    <form className="link-form" onSubmit={submit}>
      <input
        type="text"
        inputMode="url"
        autoFocus
        aria-label="Link address"
        placeholder="https://…"
        value={value}
        aria-invalid={error ? true : undefined}
        title={error ?? undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <button type="submit" className="tool tool-text">
        {value.trim() ? 'Apply' : 'Remove'}
      </button>
      <button type="button" className="tool tool-text" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <span className="link-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
