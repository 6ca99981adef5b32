import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { FORMAT_IDS, FORMAT_LABELS, type FormatId } from './formats.ts';

/**
 * Step 1: choose a file (button or drag and drop) or paste the document. A file is read as soon
 * as it is chosen; pasted text when "Preview" is pressed.
 */
export function SourceStep({
  pasted,
  format,
  busy,
  onPastedChange,
  onFormatChange,
  onPreviewPasted,
  onFile,
}: {
  pasted: string;
  format: FormatId | null;
  busy: boolean;
  onPastedChange(text: string): void;
  onFormatChange(format: FormatId | null): void;
  onPreviewPasted(): void;
  onFile(file: File): void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const pasteId = useId();
  const pasteHelpId = useId();
  const formatId = useId();
  const dropHelpId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pasted.trim() && !busy) onPreviewPasted();
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) {
      onFile(file);
      return;
    }
    const text = event.dataTransfer.getData('text/plain');
    if (text) onPastedChange(text);
  }

  return (
    <div className="import-source">
      <section className="import-panel" aria-labelledby={dropHelpId}>
        <h2 id={dropHelpId} className="import-panel-title">
          Upload a file
        </h2>
        <div
          className={`import-dropzone ${dragging ? 'is-dragging' : ''}`}
          onDragEnter={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
          }}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={onDrop}
        >
          <p>
            <strong>Drop a file here</strong>
            <span className="muted"> or</span>
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>
            Choose a file…
          </button>
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Ladder file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onFile(file);
            }}
          />
          <p className="muted small">
            Word (.docx) or Excel (.xlsx), Markdown (a Google Docs export, or a framework with YAML front
            matter), HTML (a Confluence or Google Docs export), CSV or TSV from a spreadsheet or HR tool, a
            table copied as text, or a Rungs JSON export.
          </p>
        </div>
      </section>

      <section className="import-panel import-paste">
        <form className="form" onSubmit={submit}>
          <label htmlFor={pasteId} className="import-panel-title">
            Or paste the document
          </label>
          <p id={pasteHelpId} className="muted small">
            Copy the whole ladder from your document or spreadsheet. Headings, tables, bullets and bold text
            are understood; nothing is created until you confirm.
          </p>
          <textarea
            id={pasteId}
            className="import-textarea"
            value={pasted}
            spellCheck={false}
            aria-describedby={pasteHelpId}
            placeholder={'## L1 — Engineer\n\n### Delivery\n\n- Ships small changes safely.'}
            onChange={(e) => onPastedChange(e.target.value)}
          />
          <div className="import-paste-actions">
            <div className="import-format-field">
              <label htmlFor={formatId}>Format</label>
              <select
                id={formatId}
                className="select"
                value={format ?? ''}
                onChange={(e) => onFormatChange((e.target.value || null) as FormatId | null)}
              >
                <option value="">Detect automatically</option>
                {FORMAT_IDS.map((f) => (
                  <option key={f} value={f}>
                    {FORMAT_LABELS[f]}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-actions">
              {pasted && (
                <button type="button" className="button subtle" onClick={() => onPastedChange('')}>
                  Clear
                </button>
              )}
              <button type="submit" className="button primary" disabled={busy || !pasted.trim()}>
                {busy ? 'Reading…' : 'Preview'}
              </button>
            </div>
          </div>
        </form>
      </section>
    </div>
  );
}
