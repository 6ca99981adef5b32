import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { restoreVersion } from '../api/versions.ts';
import { ladderPath } from '../published/ladder-context.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { DialogActions, FormError, TextField, useFormSubmit } from '../ui/form.tsx';

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
  const { busy, error, submit } = useFormSubmit(async () => {
    const proposal = await restoreVersion(slug, version.number, { title: title.trim() || undefined });
    navigate(ladderPath(slug, `/proposals/${proposal.number}`));
  });

  return (
    <Dialog title={`Restore version ${version.number}?`} onCancel={onCancel}>
      <form className="form" onSubmit={submit}>
        <div className="dialog-body">
          <p>
            This opens a new proposal whose content is version {version.number} (“{version.title}”). Nothing
            changes for readers until it is reviewed and published as version {latest + 1}.
          </p>
        </div>
        <TextField label="Proposal title" value={title} maxLength={200} onValue={setTitle} />
        <FormError error={error} />
        <DialogActions
          onCancel={onCancel}
          busy={busy}
          label={`Restore version ${version.number}`}
          busyLabel="Restoring…"
        />
      </form>
    </Dialog>
  );
}
