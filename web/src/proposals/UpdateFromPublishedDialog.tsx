import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import {
  previewUpdateFromPublished,
  updateFromPublished,
  type UpdateConflict,
  type UpdatePreview,
  type UpdateResolution,
} from '../api/proposals.ts';
import { Dialog } from '../ui/Dialog.tsx';

const SHOWN_CHANGES = 5;

/**
 * "Update from published", previewed: what comes from the published line as is, and each
 * conflict with both texts to keep mine, take published or combine. Nothing changes until Confirm.
 */
export function UpdateFromPublishedDialog({
  slug,
  number,
  onCancel,
  onUpdated,
}: {
  slug: string;
  number: number;
  onCancel(): void;
  onUpdated(): Promise<void>;
}) {
  const [preview, setPreview] = useState<UpdatePreview | null>(null);
  const [resolutions, setResolutions] = useState<Record<string, UpdateResolution>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    setPreview(null);
    setResolutions({});
    try {
      setPreview(await previewUpdateFromPublished(slug, number));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [slug, number]);

  useEffect(() => {
    void load();
  }, [load]);

  const unresolved = preview ? preview.conflicts.filter((c) => !resolutions[c.id]).length : 0;

  async function confirm() {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      await updateFromPublished(slug, number, preview, resolutions);
      await onUpdated();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const version = preview?.publishedVersion;
  return (
    <Dialog
      title={version ? `Update from version ${version}?` : 'Update from published'}
      onCancel={onCancel}
      className="update-dialog"
    >
      <div className="dialog-body update-body">
        {!preview && !error && <p role="status">Comparing with the published ladder…</p>}
        {preview && <Summary preview={preview} />}
        {preview?.conflicts.map((c) => (
          <ConflictChoice
            key={c.id}
            conflict={c}
            version={preview.publishedVersion}
            value={resolutions[c.id]}
            onChange={(r) => setResolutions((all) => ({ ...all, [c.id]: r }))}
          />
        ))}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="form-actions">
        {error && (
          <button type="button" className="button subtle" onClick={() => void load()}>
            Review again
          </button>
        )}
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!preview || unresolved > 0 || busy}
          onClick={() => void confirm()}
        >
          {busy ? 'Updating…' : 'Confirm update'}
        </button>
      </div>
      {preview && unresolved > 0 && (
        <p className="small muted update-pending">
          Choose for {unresolved === 1 ? 'the conflict' : `each of the ${unresolved} conflicts`} to confirm.
        </p>
      )}
    </Dialog>
  );
}

function Summary({ preview }: { preview: UpdatePreview }) {
  const taken = preview.fromPublished;
  const conflicts = preview.conflicts.length;
  return (
    <>
      <p>
        {taken.length === 0
          ? `No other changes come in from version ${preview.publishedVersion}.`
          : `${taken.length} ${taken.length === 1 ? 'change' : 'changes'} from version ${preview.publishedVersion} ${taken.length === 1 ? 'comes' : 'come'} in as is:`}
      </p>
      {taken.length > 0 && (
        <ul className="update-taken small">
          {taken.slice(0, SHOWN_CHANGES).map((label, i) => (
            <li key={i}>{capitalize(label)}</li>
          ))}
          {taken.length > SHOWN_CHANGES && <li>and {taken.length - SHOWN_CHANGES} more</li>}
        </ul>
      )}
      <p>
        {conflicts === 0
          ? "This proposal's own changes stay as they are."
          : `${conflicts === 1 ? 'One thing was' : `${conflicts} things were`} changed both here and in version ${preview.publishedVersion}: choose what to keep.`}
      </p>
    </>
  );
}

function ConflictChoice({
  conflict,
  version,
  value,
  onChange,
}: {
  conflict: UpdateConflict;
  version: number;
  value: UpdateResolution | undefined;
  onChange(r: UpdateResolution): void;
}) {
  const name = `resolve-${conflict.id}`;
  const combined = (): string =>
    conflict.kind === 'rich'
      ? [conflict.mine, conflict.published].filter(Boolean).join('\n')
      : [conflict.mine, conflict.published].filter(Boolean).join(' ');
  return (
    <fieldset className="update-conflict">
      <legend>{capitalize(conflict.label)}</legend>
      <div className="update-sides">
        <Side heading="This proposal" text={conflict.mine} />
        <Side heading={`Published (version ${version})`} text={conflict.published} />
      </div>
      <div className="update-options">
        <label>
          <input
            type="radio"
            name={name}
            checked={value?.choice === 'mine'}
            onChange={() => onChange({ choice: 'mine' })}
          />
          Keep mine
        </label>
        <label>
          <input
            type="radio"
            name={name}
            checked={value?.choice === 'published'}
            onChange={() => onChange({ choice: 'published' })}
          />
          Take published
        </label>
        {conflict.combinable && (
          <label>
            <input
              type="radio"
              name={name}
              checked={value?.choice === 'combined'}
              onChange={() => onChange({ choice: 'combined', text: value?.text ?? combined() })}
            />
            Combine
          </label>
        )}
      </div>
      {value?.choice === 'combined' && (
        <label className="update-combined">
          <span className="small">
            Combined text{conflict.kind === 'rich' ? ' (one paragraph a line)' : ''}
          </span>
          <textarea
            rows={conflict.kind === 'rich' ? 4 : 2}
            value={value.text ?? ''}
            onChange={(e) => onChange({ choice: 'combined', text: e.target.value })}
          />
        </label>
      )}
    </fieldset>
  );
}

function Side({ heading, text }: { heading: string; text: string }) {
  return (
    <div className="update-side">
      <p className="update-side-heading small">{heading}</p>
      <p className="update-side-text">{text || <em className="muted">(empty)</em>}</p>
    </div>
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
