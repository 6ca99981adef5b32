import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import {
  createLadder,
  listLadderTemplates,
  type CreateLadderInput,
  type Ladder,
  type LadderTemplateSummary,
} from '../api/ladders.ts';
import { useAsync } from '../api/use-async.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { DialogActions, FormError, TextField, useFormSubmit } from '../ui/form.tsx';
import { CopySourceFields, type CopySource } from './CopySourceFields.tsx';
import { StartingPointPicker, type StartingPoint } from './StartingPointPicker.tsx';
import './new-ladder.css';

/** What the title and track fields show until the person types their own. */
function suggested(
  start: StartingPoint,
  templates: LadderTemplateSummary[],
  copy: CopySource,
): { title: string; track: string } {
  if (start.kind === 'copy') {
    return copy.ladder
      ? { title: `${copy.ladder.title} (copy)`, track: copy.ladder.track }
      : { title: '', track: '' };
  }
  const template = templates.find((t) => t.id === start.id);
  return { title: template?.title ?? '', track: template?.track ?? '' };
}

/** A refusal said as what went wrong and what to do about it. */
function explained(err: unknown): unknown {
  if (err instanceof ApiError && err.status === 403) {
    return new Error('Your role cannot create ladders. Ask an admin to make you an editor.');
  }
  return err;
}

/** "New ladder": where it starts from (Blank, a template, a copy), its title and track. */
export function NewLadderDialog({
  onCreated,
  onCancel,
}: {
  onCreated(ladder: Ladder): void;
  onCancel(): void;
}) {
  const templates = useAsync((signal) => listLadderTemplates(signal), []);
  const [start, setStart] = useState<StartingPoint>({ kind: 'template', id: 'blank' });
  const [copy, setCopy] = useState<CopySource>({ ladder: null, version: undefined });
  const [copyPublished, setCopyPublished] = useState<boolean | null>(null);
  // null: not typed yet, so the field follows the starting point.
  const [typedTitle, setTypedTitle] = useState<string | null>(null);
  const [typedTrack, setTypedTrack] = useState<string | null>(null);
  const list = templates.state.status === 'ready' ? templates.state.value : [];
  const suggestion = suggested(start, list, copy);
  const title = typedTitle ?? suggestion.title;
  const track = typedTrack ?? suggestion.track;
  const copyIncomplete = start.kind === 'copy' && (!copy.ladder || copyPublished !== true);

  const { busy, error, setError, submit } = useFormSubmit(async () => {
    if (!title.trim()) throw new Error('Give the ladder a title.');
    if (copyIncomplete) throw new Error('Choose a published ladder to copy.');
    const input: CreateLadderInput = { title: title.trim(), track: track.trim() };
    if (start.kind === 'template' && start.id !== 'blank') input.template = start.id;
    if (start.kind === 'copy' && copy.ladder) {
      input.fromLadder = {
        slug: copy.ladder.slug,
        ...(copy.version !== undefined ? { version: copy.version } : {}),
      };
    }
    try {
      onCreated(await createLadder(input));
    } catch (err) {
      throw explained(err);
    }
  });

  return (
    <Dialog title="New ladder" onCancel={onCancel} className="new-ladder-dialog">
      <form className="form" onSubmit={submit}>
        {templates.state.status === 'loading' && <p className="muted">Loading starting points…</p>}
        {templates.state.status === 'error' && (
          <p className="form-error" role="alert">
            Could not load the templates: {errorMessage(templates.state.error)} You can still create a blank
            ladder, or{' '}
            <button type="button" className="link-button" onClick={templates.reload}>
              try again
            </button>
            .
          </p>
        )}
        {list.length > 0 && (
          <StartingPointPicker
            templates={list}
            value={start}
            onChange={(next) => {
              setStart(next);
              setError(null);
            }}
          />
        )}
        {start.kind === 'copy' && (
          <CopySourceFields value={copy} onChange={setCopy} onPublishedChange={setCopyPublished} />
        )}
        <TextField
          label="Title"
          required
          maxLength={200}
          value={title}
          placeholder="e.g. Engineering Manager ladder"
          onValue={setTypedTitle}
        />
        <TextField
          label={
            <>
              Track <span className="muted">(optional)</span>
            </>
          }
          maxLength={200}
          value={track}
          placeholder="e.g. Engineering Manager, IC"
          onValue={setTypedTrack}
        />
        <FormError error={error} />
        <DialogActions
          onCancel={onCancel}
          busy={busy}
          label="Create ladder"
          busyLabel="Creating…"
          disabled={!title.trim() || copyIncomplete}
        />
      </form>
    </Dialog>
  );
}
