import { useId } from 'react';
import { errorMessage } from '../api/client.ts';
import { listLadders, type Ladder } from '../api/ladders.ts';
import { useAsync } from '../api/use-async.ts';
import { listVersions } from '../api/versions.ts';

/** The ladder and version to copy; `version` undefined means its latest published version. */
export interface CopySource {
  ladder: Ladder | null;
  version: number | undefined;
}

/**
 * "Copy an existing ladder": which ladder, and which of its published versions. Says through
 * `onPublishedChange` whether the chosen ladder has one to copy (null while that is loading).
 */
export function CopySourceFields({
  value,
  onChange,
  onPublishedChange,
}: {
  value: CopySource;
  onChange(value: CopySource): void;
  onPublishedChange(published: boolean | null): void;
}) {
  const ladderId = useId();
  const versionId = useId();
  const ladders = useAsync((signal) => listLadders({ signal }), []);
  const slug = value.ladder?.slug;
  const versions = useAsync(
    async (signal) => {
      onPublishedChange(null);
      if (!slug) return [];
      const list = await listVersions(slug, signal);
      if (!signal.aborted) onPublishedChange(list.length > 0);
      return list;
    },
    [slug],
  );

  if (ladders.state.status === 'loading') return <p className="muted">Loading ladders…</p>;
  if (ladders.state.status === 'error') {
    return (
      <p className="form-error" role="alert">
        Could not load the ladders to copy: {errorMessage(ladders.state.error)}{' '}
        <button type="button" className="button subtle" onClick={ladders.reload}>
          Try again
        </button>
      </p>
    );
  }
  const all = ladders.state.value;
  if (all.length === 0) {
    return <p className="muted">There are no ladders to copy yet. Start from a template instead.</p>;
  }
  const list = versions.state.status === 'ready' ? versions.state.value : [];
  return (
    <div className="copy-source">
      <label htmlFor={ladderId}>Ladder to copy</label>
      <select
        id={ladderId}
        value={slug ?? ''}
        onChange={(e) => {
          const ladder = all.find((l) => l.slug === e.target.value) ?? null;
          onChange({ ladder, version: undefined });
        }}
      >
        <option value="" disabled>
          Choose a ladder
        </option>
        {all.map((l) => (
          <option key={l.slug} value={l.slug}>
            {l.track ? `${l.title} (${l.track})` : l.title}
          </option>
        ))}
      </select>
      {slug && versions.state.status === 'loading' && <p className="muted">Loading its versions…</p>}
      {slug && versions.state.status === 'error' && (
        <p className="form-error" role="alert">
          Could not load the versions of “{value.ladder?.title}”: {errorMessage(versions.state.error)}
        </p>
      )}
      {slug && versions.state.status === 'ready' && list.length === 0 && (
        <p className="form-error" role="alert">
          “{value.ladder?.title}” has not been published yet, so there is no version to copy. Choose another
          ladder, or publish this one first.
        </p>
      )}
      {list.length > 0 && (
        <>
          <label htmlFor={versionId}>Version</label>
          <select
            id={versionId}
            value={value.version ?? ''}
            onChange={(e) =>
              onChange({ ...value, version: e.target.value === '' ? undefined : Number(e.target.value) })
            }
          >
            <option value="">Latest published (version {list[0]!.number})</option>
            {list.map((v) => (
              <option key={v.number} value={v.number}>
                Version {v.number}: {v.title}
              </option>
            ))}
          </select>
          <p className="muted copy-source-note">
            The new ladder copies what was published, not any proposal in progress.
          </p>
        </>
      )}
    </div>
  );
}
