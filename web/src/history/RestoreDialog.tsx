import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { restoreVersion } from '../api/versions.ts';
import { ladderPath } from '../published/ladder-context.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** "Restore version N": opens a proposal whose content is version N, then goes to it. */
export function RestoreDialog({
  slug,
  version,
  latest,
  onCancel,
}: {
  slug: string;
  version: { number: number; title: string };
  latest: number;
  onCancel(): void;
}) {
  const navigate = useNavigate();
  const [title, setTitle] = useState(`Restore version ${version.number}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function restore() {
    setBusy(true);
    setError(null);
    try {
      const proposal = await restoreVersion(slug, version.number, { title: title.trim() || undefined });
      navigate(ladderPath(slug, `/proposals/${proposal.number}`));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Restore version ${version.number}?`} onCancel={onCancel}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void restore();
        }}
      >
        <div className="dialog-body">
          <p>
            This opens a new proposal whose content is version {version.number} (“{version.title}”). Nothing
            changes for readers until it is reviewed and published as version {latest + 1}.
          </p>
        </div>
        <label htmlFor="restore-title">Proposal title</label>
        <input id="restore-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Restoring…' : `Restore version ${version.number}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
