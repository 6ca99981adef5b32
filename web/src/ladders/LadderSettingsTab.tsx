import { useEffect, useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { MAX_REQUIRED_APPROVALS, updateLadderSettings } from '../api/ladders.ts';
import { useLadderShell } from '../published/ladder-context.ts';
import { EmptyState } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import './settings.css';

type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; value: number }
  | { status: 'error'; message: string };

const approvalsPhrase = (n: number) => (n === 0 ? 'no approvals' : `${n} approval${n === 1 ? '' : 's'}`);

/** A whole number from 0 to the maximum, or a sentence saying what is wrong. */
function parseApprovals(text: string): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `Enter a whole number from 0 to ${MAX_REQUIRED_APPROVALS}.`;
  const n = Number(trimmed);
  if (n > MAX_REQUIRED_APPROVALS) return `At most ${MAX_REQUIRED_APPROVALS}.`;
  return n;
}

/** `/ladders/:slug/settings`: admins set how many approvals a proposal needs to be published. */
export function LadderSettingsTab() {
  const { ladder, canManage, reload } = useLadderShell();
  const [current, setCurrent] = useState(ladder.requiredApprovals);
  const [draft, setDraft] = useState(String(ladder.requiredApprovals));
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const inputId = useId();
  const hintId = useId();
  useDocumentTitle(`Settings · ${ladder.title}`);

  // The ladder was loaded again (after a save, or someone else's change): follow it.
  useEffect(() => setCurrent(ladder.requiredApprovals), [ladder.requiredApprovals]);

  if (!canManage) {
    return (
      <EmptyState title="Ladder settings are for admins">
        <p className="muted">
          Publishing a proposal of this ladder needs {approvalsPhrase(ladder.requiredApprovals)}. Ask an admin
          to change it.
        </p>
      </EmptyState>
    );
  }

  const parsed = parseApprovals(draft);
  const invalid = typeof parsed === 'string' ? parsed : null;
  const unchanged = parsed === current;
  const saving = save.status === 'saving';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (typeof parsed !== 'number' || saving) return;
    setSave({ status: 'saving' });
    try {
      const saved = await updateLadderSettings(ladder.slug, { requiredApprovals: parsed });
      setCurrent(saved.requiredApprovals);
      setDraft(String(saved.requiredApprovals));
      setSave({ status: 'saved', value: saved.requiredApprovals });
      reload();
    } catch (err) {
      setSave({ status: 'error', message: errorMessage(err) });
    }
  }

  return (
    <section className="ladder-settings" aria-labelledby="settings-title">
      <div className="section-head">
        <div>
          <h2 id="settings-title">Settings</h2>
          <p className="muted small">How this ladder is reviewed. Only admins see and change this.</p>
        </div>
      </div>
      <form className="form settings-card" onSubmit={(e) => void submit(e)} noValidate>
        <h3>Review</h3>
        <label htmlFor={inputId}>Approvals required to publish</label>
        <div className="settings-field">
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_REQUIRED_APPROVALS}
            step={1}
            value={draft}
            aria-describedby={hintId}
            aria-invalid={invalid ? true : undefined}
            disabled={saving}
            onChange={(e) => {
              setDraft(e.target.value);
              if (save.status !== 'saving') setSave({ status: 'idle' });
            }}
          />
          <button type="submit" className="button primary" disabled={saving || !!invalid || unchanged}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
        <p id={hintId} className="muted small settings-hint">
          Fresh approvals of a proposal&apos;s current state that an editor needs before publishing it (0 to{' '}
          {MAX_REQUIRED_APPROVALS}; 0 publishes without review). Authors can&apos;t approve their own
          proposals. It applies at once to every open proposal.
        </p>
        <p className="small settings-current" data-testid="required-approvals">
          Now: publishing needs <strong>{approvalsPhrase(current)}</strong>.
        </p>
        {invalid && draft.trim() !== '' && (
          <p className="form-error" role="alert">
            {invalid}
          </p>
        )}
        {save.status === 'error' && (
          <p className="form-error" role="alert">
            Could not save: {save.message}
          </p>
        )}
        <p className="settings-saved small" role="status">
          {save.status === 'saved' && `Saved: publishing now needs ${approvalsPhrase(save.value)}.`}
        </p>
      </form>
    </section>
  );
}
