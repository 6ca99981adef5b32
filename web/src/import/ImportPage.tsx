import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { createLadder } from '../api/ladders.ts';
import { useCanEdit } from '../auth/use-can-edit.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ImportProblem } from './ImportMessages.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { formatBytes, readImportFile } from './read-file.ts';
import { SourceStep } from './SourceStep.tsx';
import { failedSourceText, MAX_TITLE, useImportWizard } from './use-import-wizard.ts';
import { clearSnapshot } from './wizard-storage.ts';
import './import.css';

const STEPS = ['Document', 'Preview and fix', 'Create'] as const;

function Steps({ current }: { current: 0 | 1 | 2 }) {
  return (
    <ol className="import-steps" aria-label="Import steps">
      {STEPS.map((label, i) => (
        <li
          key={label}
          className={i === current ? 'is-current' : i < current ? 'is-done' : ''}
          aria-current={i === current ? 'step' : undefined}
        >
          <span className="import-step-number" aria-hidden="true">
            {i + 1}
          </span>
          {label}
        </li>
      ))}
    </ol>
  );
}

/**
 * `/import`: paste or upload a document → preview with warnings → fix → create. The step is in
 * the URL (`?step=preview`) and the work in sessionStorage, so Back and reload keep everything.
 */
export function ImportPage() {
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const wizard = useImportWizard();
  const { snapshot, read } = wizard;
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onPreviewStep = params.get('step') === 'preview';
  const hasPreview = !!(snapshot.preview && snapshot.draft);
  useDocumentTitle('Import a ladder');

  // A reload on the preview step whose preview did not fit in storage reads the document again;
  // with nothing to show, it goes back to the first step.
  const resumed = useRef(false);
  useEffect(() => {
    if (!onPreviewStep || hasPreview || resumed.current || read.status !== 'idle') return;
    resumed.current = true;
    if (snapshot.source) void wizard.readDocument(snapshot.source, snapshot.format);
    else navigate('/import', { replace: true });
  }, [onPreviewStep, hasPreview, read.status, snapshot.source, snapshot.format, wizard, navigate]);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [onPreviewStep]);

  if (!canEdit) {
    return (
      <div className="page page-narrow">
        <ErrorState
          title="Only editors can import ladders"
          message="Ask an admin to make you an editor, or ask an editor to import the document for you."
          action={
            <Link className="button" to="/">
              All ladders
            </Link>
          }
        />
      </div>
    );
  }

  async function showPreviewOf(source: Parameters<typeof wizard.readDocument>[0]) {
    setCreateError(null);
    if (await wizard.readDocument(source, snapshot.format)) {
      if (!onPreviewStep) navigate('/import?step=preview');
    }
  }

  async function onFile(file: File) {
    setFileNote(`Reading ${file.name} (${formatBytes(file.size)})…`);
    wizard.clearError();
    try {
      const source = await readImportFile(file);
      // A text file shows in the paste box too, so it can be corrected and survives a reload.
      if (source.kind === 'text' && source.text.length <= 1_000_000) wizard.setPasted(source.text);
      setFileNote(`${file.name} (${formatBytes(file.size)})`);
      await showPreviewOf(source);
    } catch (err) {
      setFileNote(`${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function create() {
    const draft = snapshot.draft;
    if (!draft) return;
    setCreating(true);
    setCreateError(null);
    const title = draft.title.trim().slice(0, MAX_TITLE);
    const track = draft.track.trim().slice(0, MAX_TITLE);
    try {
      const ladder = await createLadder({ title, track, content: { ...draft, title, track } });
      clearSnapshot();
      navigate(`/ladders/${encodeURIComponent(ladder.slug)}`, { replace: true });
    } catch (err) {
      setCreateError(err);
      setCreating(false);
    }
  }

  const sourceText = failedSourceText(read);
  let body;
  if (onPreviewStep && hasPreview) {
    body = (
      <PreviewStep
        preview={snapshot.preview!}
        draft={snapshot.draft!}
        source={snapshot.source}
        read={read}
        canUndo={wizard.canUndo}
        lastMessage={wizard.lastMessage}
        creating={creating}
        createError={createError}
        onReadAs={(format) => {
          if (snapshot.source) void wizard.readDocument(snapshot.source, format);
        }}
        onReadSheet={(sheet) => {
          if (snapshot.source) void wizard.readDocument(snapshot.source, 'xlsx', sheet);
        }}
        onChange={wizard.change}
        onDetails={wizard.setDetails}
        onUndo={wizard.undo}
        onReset={wizard.resetFixes}
        onBack={() => {
          wizard.clearError();
          navigate('/import');
        }}
        onCreate={() => void create()}
      />
    );
  } else if (onPreviewStep) {
    body =
      read.status === 'error' ? (
        <ImportProblem error={read.error} source={sourceText}>
          <div className="form-actions">
            <Link className="button" to="/import">
              Choose another document
            </Link>
          </div>
        </ImportProblem>
      ) : (
        <Loading label="Reading the document…" />
      );
  } else {
    body = (
      <>
        {read.status === 'error' && <ImportProblem error={read.error} source={sourceText} />}
        {read.status === 'reading' && (
          <p className="import-inline-status" role="status">
            <span className="spinner" aria-hidden="true" /> Reading the document…
          </p>
        )}
        {fileNote && <p className="import-file-note muted small">{fileNote}</p>}
        {hasPreview && read.status !== 'reading' && (
          <p className="import-resume">
            <Link to="/import?step=preview">
              Back to the preview of “{snapshot.draft!.title || 'your ladder'}”
            </Link>{' '}
            <span className="muted small">(your fixes are kept until you read another document)</span>
          </p>
        )}
        <SourceStep
          pasted={snapshot.pasted}
          format={snapshot.format}
          busy={read.status === 'reading'}
          onPastedChange={(text) => {
            wizard.setPasted(text);
            if (read.status === 'error') wizard.clearError();
          }}
          onFormatChange={wizard.setFormat}
          onPreviewPasted={() => {
            setFileNote(null);
            void showPreviewOf({ kind: 'text', text: snapshot.pasted });
          }}
          onFile={(file) => void onFile(file)}
        />
      </>
    );
  }

  return (
    <div className="page import-page">
      <div className="page-header">
        <div>
          <nav className="breadcrumb" aria-label="Breadcrumb">
            <Link to="/">Ladders</Link>
            <span aria-hidden="true"> / </span>
          </nav>
          <h1 ref={headingRef} tabIndex={-1}>
            Import a ladder
          </h1>
          <p className="muted">
            Bring the ladder you already have: nothing is created until you have checked the preview.
          </p>
        </div>
        <Steps current={onPreviewStep ? (creating ? 2 : 1) : 0} />
      </div>
      {body}
    </div>
  );
}
