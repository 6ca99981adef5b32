import { useId, useState } from 'react';
import type { ImportPreview, ImportSource } from '../api/imports.ts';
import type { LadderContent } from '../domain.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { filledCellCount } from './edit-content.ts';
import { FORMAT_IDS, FORMAT_LABELS, layoutLabel, type FormatId } from './formats.ts';
import { ImportProblem, WarningList } from './ImportMessages.tsx';
import { PreviewMatrix, type DraftChange } from './PreviewMatrix.tsx';
import { failedSourceText, MAX_TITLE, type ReadState } from './use-import-wizard.ts';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Step 2 and 3: how the document was read (format and layout, with the format changeable),
 * warnings, the ladder as it will be created with its fixes, then "Create ladder".
 */
export function PreviewStep({
  preview,
  draft,
  source,
  read,
  canUndo,
  lastMessage,
  creating,
  createError,
  onReadAs,
  onReadSheet,
  onChange,
  onDetails,
  onUndo,
  onReset,
  onBack,
  onCreate,
}: {
  preview: ImportPreview;
  draft: LadderContent;
  source: ImportSource | null;
  read: ReadState;
  canUndo: boolean;
  lastMessage: string | null;
  creating: boolean;
  createError: unknown;
  onReadAs(format: FormatId): void;
  /** A workbook: read another of its sheets. */
  onReadSheet(sheet: string): void;
  onChange(change: DraftChange): void;
  onDetails(patch: { title?: string; track?: string }): void;
  onUndo(): void;
  onReset(): void;
  onBack(): void;
  onCreate(): void;
}) {
  const formatId = useId();
  const sheetId = useId();
  const titleId = useId();
  const trackId = useId();
  const [pendingFormat, setPendingFormat] = useState<FormatId | null>(null);
  const [attempted, setAttempted] = useState<FormatId | null>(null);
  const reading = read.status === 'reading';
  const sourceText = source?.kind === 'text' ? source.text : undefined;
  const filled = filledCellCount(draft);
  const title = draft.title.trim();
  const empty = draft.levels.length === 0 || draft.competencies.length === 0;
  const canCreate = !creating && !reading && !!title && !empty;

  function readAs(format: FormatId) {
    setPendingFormat(null);
    setAttempted(format);
    onReadAs(format);
  }

  function chooseFormat(format: FormatId) {
    if (format === preview.format) return;
    if (canUndo) setPendingFormat(format);
    else readAs(format);
  }

  return (
    <div className="import-preview">
      <section className="import-panel import-read-as" aria-label="How the document was read">
        <div className="import-read-line">
          <p>
            Read as <strong data-testid="import-format">{FORMAT_LABELS[preview.format]}</strong>
            <span className="muted"> — {layoutLabel(preview.layout)}</span>
          </p>
          <p className="import-counts" data-testid="import-counts">
            {plural(draft.levels.length, 'level', 'levels')} ·{' '}
            {plural(draft.competencies.length, 'competency', 'competencies')} ·{' '}
            {plural(filled, 'filled cell', 'filled cells')}
          </p>
        </div>
        <div className="import-format-field">
          <label htmlFor={formatId}>Read the document as</label>
          <select
            id={formatId}
            className="select"
            value={preview.format}
            disabled={reading || !source}
            onChange={(e) => chooseFormat(e.target.value as FormatId)}
          >
            {FORMAT_IDS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
          {reading && (
            <span className="import-inline-status" role="status">
              <span className="spinner small" aria-hidden="true" /> Reading…
            </span>
          )}
          {!source && (
            <span className="muted small">Choose the document again to read it in another format.</span>
          )}
        </div>
        {preview.sheets && preview.sheets.length > 1 && (
          <div className="import-format-field">
            <label htmlFor={sheetId}>Sheet</label>
            <select
              id={sheetId}
              className="select"
              value={preview.sheet ?? ''}
              disabled={reading || !source}
              onChange={(e) => onReadSheet(e.target.value)}
            >
              {!preview.sheet && <option value="">The ladder Rungs exported</option>}
              {preview.sheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
      </section>

      {read.status === 'error' && (
        <ImportProblem
          error={read.error}
          source={failedSourceText(read)}
          title={attempted ? `It can’t be read as ${FORMAT_LABELS[attempted]}` : undefined}
        >
          <p className="muted small">The preview below still shows the document read as before.</p>
        </ImportProblem>
      )}

      <div className="import-details form">
        <div className="import-detail">
          <label htmlFor={titleId}>Title</label>
          <input
            id={titleId}
            value={draft.title}
            maxLength={MAX_TITLE}
            required
            aria-invalid={!title}
            onChange={(e) => onDetails({ title: e.target.value })}
          />
        </div>
        <div className="import-detail">
          <label htmlFor={trackId}>
            Track <span className="muted">(optional)</span>
          </label>
          <input
            id={trackId}
            value={draft.track}
            maxLength={MAX_TITLE}
            placeholder="e.g. Engineering Manager, IC"
            onChange={(e) => onDetails({ track: e.target.value })}
          />
        </div>
      </div>

      <WarningList warnings={preview.warnings} source={sourceText} />

      <div className="import-fix-bar">
        <p className="muted small import-fix-help">
          Click a name to rename it. Merge joins two levels (or competencies) cell by cell; Drop leaves one
          out; Split (on a competency whose text has labelled sections) makes one competency per section.
        </p>
        <div className="import-fix-actions">
          <span className="import-last-change" role="status" aria-live="polite">
            {lastMessage}
          </span>
          <button type="button" className="button" onClick={onUndo} disabled={!canUndo}>
            Undo
          </button>
          <button type="button" className="button subtle" onClick={onReset} disabled={!canUndo}>
            Reset all fixes
          </button>
        </div>
      </div>

      <div className={reading ? 'import-matrix-wrap is-busy' : 'import-matrix-wrap'} aria-busy={reading}>
        <PreviewMatrix content={draft} onChange={onChange} />
      </div>

      {createError != null && <ImportProblem error={createError} title="The ladder could not be created" />}

      <div className="import-footer">
        <button type="button" className="button" onClick={onBack} disabled={creating}>
          ← Choose another document
        </button>
        <div className="import-footer-main">
          {!title && <span className="form-hint">Give the ladder a title.</span>}
          <button type="button" className="button primary" onClick={onCreate} disabled={!canCreate}>
            {creating ? 'Creating…' : 'Create ladder'}
          </button>
        </div>
      </div>

      {pendingFormat && (
        <ConfirmDialog
          title="Read the document again?"
          confirmLabel={`Read as ${FORMAT_LABELS[pendingFormat]}`}
          onCancel={() => setPendingFormat(null)}
          onConfirm={() => readAs(pendingFormat)}
        >
          <p>Reading it in another format discards the renames, merges and drops made so far.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
