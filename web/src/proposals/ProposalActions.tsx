import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { mergeProposal, proposalAction, type ProposalDetail } from '../api/proposals.ts';
import { rangePath } from '../history/HistoryTab.tsx';
import { ladderPath } from '../published/ladder-context.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { UpdateFromPublishedDialog } from './UpdateFromPublishedDialog.tsx';
import { REVIEW_STATES } from '@rungs/shared/api/review-status';

type Pending = 'publish' | 'close' | 'update' | null;

/**
 * What an editor can do with a proposal: open it for review, publish it (disabled with the
 * reasons while blocked), update it from published when the published line moved, close / reopen.
 */
export function ProposalActions({
  proposal,
  canEdit,
  onChanged,
}: {
  proposal: ProposalDetail;
  canEdit: boolean;
  /** After an action went through: reload the proposal (and tell the others). */
  onChanged(): Promise<void>;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Pending>(null);
  const slug = proposal.ladder.slug;
  const n = proposal.number;

  async function run(name: string, action: () => Promise<unknown>) {
    setBusy(name);
    setError(null);
    try {
      await action();
      setConfirm(null);
      await onChanged();
    } catch (err) {
      setError(errorMessage(err));
      setConfirm(null);
    } finally {
      setBusy(null);
    }
  }

  if (proposal.state === 'merged') {
    return (
      <section className="panel-section actions" aria-label="Published">
        <p className="published-note" role="status">
          Published as{' '}
          <Link to={ladderPath(slug, `/versions/${proposal.mergedVersion}`)}>
            version {proposal.mergedVersion}
          </Link>
          {proposal.mergedBy && ` by ${proposal.mergedBy.name}`}.
        </p>
        {proposal.mergedVersion && proposal.mergedVersion > 1 && (
          <Link
            className="button subtle"
            to={rangePath(slug, proposal.mergedVersion - 1, proposal.mergedVersion)}
          >
            What it changed in the history
          </Link>
        )}
      </section>
    );
  }
  if (!canEdit) {
    return proposal.state === 'closed' ? (
      <section className="panel-section actions" aria-label="Closed">
        <p className="muted small">
          Closed{proposal.closedBy ? ` by ${proposal.closedBy.name}` : ''}: read-only.
        </p>
      </section>
    ) : null;
  }

  const inReview = REVIEW_STATES.includes(proposal.state);
  const behind = proposal.behindPublished || proposal.conflicts.length > 0;
  const nextVersion = proposal.publishedVersion + 1;

  return (
    <section className="panel-section actions" aria-label="Actions">
      {proposal.state === 'closed' ? (
        <>
          <p className="muted small">
            Closed{proposal.closedBy ? ` by ${proposal.closedBy.name}` : ''}: read-only until reopened.
          </p>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void run('reopen', () => proposalAction(slug, n, 'reopen'))}
          >
            {busy === 'reopen' ? 'Reopening…' : 'Reopen'}
          </button>
        </>
      ) : (
        <>
          {proposal.state === 'draft' && (
            <button
              type="button"
              className="button primary wide"
              disabled={busy !== null}
              onClick={() => void run('open', () => proposalAction(slug, n, 'open'))}
            >
              {busy === 'open' ? 'Opening…' : 'Open for review'}
            </button>
          )}
          {inReview && (
            <button
              type="button"
              className="button primary wide"
              disabled={!proposal.checks.canMerge || busy !== null}
              aria-describedby={proposal.checks.canMerge ? undefined : 'publish-blocked'}
              onClick={() => setConfirm('publish')}
            >
              Publish as version {nextVersion}
            </button>
          )}
          {inReview && !proposal.checks.canMerge && (
            <p id="publish-blocked" className="small muted">
              Publishing is blocked: {proposal.checks.blockers.map((b) => b.message).join(' ')}
            </p>
          )}
          {behind && (
            <div className="behind">
              <p className="small">
                {proposal.conflicts.length
                  ? 'The published ladder changed the same things as this proposal.'
                  : `Version ${proposal.publishedVersion} was published after this proposal started.`}
              </p>
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => setConfirm('update')}
              >
                Update from published
              </button>
            </div>
          )}
          <button
            type="button"
            className="button subtle"
            disabled={busy !== null}
            onClick={() => setConfirm('close')}
          >
            Close proposal
          </button>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {confirm === 'publish' && (
        <Dialog title={`Publish version ${nextVersion}?`} onCancel={() => setConfirm(null)}>
          <div className="dialog-body">
            <p>
              “{proposal.title}” becomes version {nextVersion} of {proposal.ladder.title}: everyone reads it
              from now on, and the proposal becomes read-only.
            </p>
          </div>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setConfirm(null)} autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy !== null}
              onClick={() => void run('publish', () => mergeProposal(slug, n))}
            >
              {busy === 'publish' ? 'Publishing…' : `Publish version ${nextVersion}`}
            </button>
          </div>
        </Dialog>
      )}
      {confirm === 'update' && (
        <UpdateFromPublishedDialog
          slug={slug}
          number={n}
          onCancel={() => setConfirm(null)}
          onUpdated={async () => {
            setConfirm(null);
            await onChanged();
          }}
        />
      )}
      {confirm === 'close' && (
        <Dialog title="Close this proposal?" onCancel={() => setConfirm(null)}>
          <div className="dialog-body">
            <p>Nothing is published; the proposal becomes read-only. It can be reopened later.</p>
          </div>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setConfirm(null)} autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className="button danger"
              disabled={busy !== null}
              onClick={() => void run('close', () => proposalAction(slug, n, 'close'))}
            >
              {busy === 'close' ? 'Closing…' : 'Close proposal'}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
