import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { createLadder, type Ladder } from '../api/ladders.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** "New ladder": a title and a track, created on the server, then opened. */
export function NewLadderDialog({
  onCreated,
  onCancel,
}: {
  onCreated(ladder: Ladder): void;
  onCancel(): void;
}) {
  const [title, setTitle] = useState('');
  const [track, setTrack] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const trackId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await createLadder({ title: title.trim(), track: track.trim() }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog title="New ladder" onCancel={onCancel}>
      <form className="form" onSubmit={submit}>
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          autoFocus
          required
          maxLength={200}
          value={title}
          placeholder="e.g. Engineering Manager ladder"
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor={trackId}>
          Track <span className="muted">(optional)</span>
        </label>
        <input
          id={trackId}
          maxLength={200}
          value={track}
          placeholder="e.g. Engineering Manager, IC"
          onChange={(e) => setTrack(e.target.value)}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || !title.trim()}>
            {busy ? 'Creating…' : 'Create ladder'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
