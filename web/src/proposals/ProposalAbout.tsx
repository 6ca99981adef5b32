import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { updateProposal, type ProposalDetail } from '../api/proposals.ts';
import { fullDate, timeAgo } from '../ladders/format.ts';
import { InlineText } from '../ui/InlineText.tsx';
import { StateBadge } from './StateBadge.tsx';

/** Title (the changelog entry), description, state, author and base of a proposal; editable by editors. */
export function ProposalAbout({
  proposal,
  editable,
  onChanged,
}: {
  proposal: ProposalDetail;
  editable: boolean;
  onChanged(): Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(proposal.description);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const slug = proposal.ladder.slug;

  async function save(patch: { title?: string; description?: string }) {
    setError(null);
    setBusy(true);
    try {
      await updateProposal(slug, proposal.number, patch);
      setEditing(false);
      await onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel-section about" aria-label="About this proposal">
      <div className="about-state">
        <StateBadge state={proposal.state} />
        <span className="small muted">
          #{proposal.number}
          {proposal.author && <> by {proposal.author.name}</>} ·{' '}
          <time dateTime={proposal.createdAt} title={fullDate(proposal.createdAt)}>
            started {timeAgo(proposal.createdAt)}
          </time>
        </span>
      </div>
      <InlineText
        as="div"
        className="about-title"
        value={proposal.title}
        label="Proposal title"
        required
        readOnly={!editable}
        onCommit={(title) => save({ title })}
      />
      {proposal.restoredFromVersion && (
        <p className="small muted">Restores version {proposal.restoredFromVersion}.</p>
      )}
      {editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save({ description: draft.trim() });
          }}
        >
          <label className="visually-hidden" htmlFor="proposal-description-edit">
            Description
          </label>
          <textarea
            id="proposal-description-edit"
            className="textarea"
            rows={4}
            maxLength={20_000}
            value={draft}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
            }}
          />
          <div className="composer-actions">
            <button type="button" className="button subtle" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              Save description
            </button>
          </div>
        </form>
      ) : (
        <div className="about-description">
          {proposal.description ? (
            <p>{proposal.description}</p>
          ) : (
            <p className="muted small">{editable ? 'No description yet.' : 'No description.'}</p>
          )}
          {editable && (
            <button
              type="button"
              className="link-button small"
              onClick={() => {
                setDraft(proposal.description);
                setEditing(true);
              }}
            >
              Edit description
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
