import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { addVerdict, type ProposalDetail, type VerdictKind } from '../api/proposals.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { canReview } from '../proposals/roles.ts';
import { ACTIVE_STATES, REVIEW_STATES } from '@rungs/shared/api/review-status';

/**
 * Approve / Request changes, with an optional message. The verdict is about the state on screen
 * (its fingerprint): if the proposal changed meanwhile, the server refuses and we say so.
 * Hidden for the author, with the reason.
 */
export function VerdictPanel({
  proposal,
  onDone,
}: {
  proposal: ProposalDetail;
  /** Called after a verdict was recorded (or refused because the proposal changed). */
  onDone(): Promise<void>;
}) {
  const { user } = useAuth();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState<VerdictKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (!canReview(user.role) || !ACTIVE_STATES.includes(proposal.state)) return null;
  const mine = proposal.reviewers.find((r) => r.reviewer.id === user.id);

  let content;
  if (proposal.author?.id === user.id) {
    content = (
      <p className="muted small" data-testid="own-proposal-note">
        You wrote this proposal, so your verdict doesn&apos;t count: another reviewer approves it. Answer
        their comments, or edit the proposal.
      </p>
    );
  } else if (!REVIEW_STATES.includes(proposal.state)) {
    content = (
      <p className="muted small">
        This proposal is a draft: verdicts come once its author opens it for review.
      </p>
    );
  } else {
    const send = async (verdict: VerdictKind) => {
      setBusy(verdict);
      setError(null);
      setDone(null);
      try {
        await addVerdict(proposal.ladder.slug, proposal.number, {
          verdict,
          body: body.trim() || undefined,
          fingerprint: proposal.fingerprint,
        });
        setBody('');
        setDone(verdict === 'approve' ? 'You approved this proposal.' : 'You requested changes.');
        await onDone();
      } catch (err) {
        setError(errorMessage(err));
        if (err instanceof ApiError && err.code === 'proposal_changed') await onDone();
      } finally {
        setBusy(null);
      }
    };
    content = (
      <>
        {mine && (
          <p className="small">
            Your verdict: <strong>{mine.verdict === 'approve' ? 'approved' : 'changes requested'}</strong>
            {mine.fresh
              ? ' (current).'
              : ' — stale: the proposal changed since. Look again and give a new verdict.'}
          </p>
        )}
        <label className="visually-hidden" htmlFor="verdict-message">
          Message with your verdict (optional)
        </label>
        <textarea
          id="verdict-message"
          className="textarea"
          rows={2}
          maxLength={20_000}
          placeholder="Message with your verdict (optional)"
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <div className="verdict-actions">
          <button
            type="button"
            className="button approve"
            disabled={busy !== null}
            onClick={() => void send('approve')}
          >
            {busy === 'approve' ? 'Approving…' : 'Approve'}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void send('request_changes')}
          >
            {busy === 'request_changes' ? 'Sending…' : 'Request changes'}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p className="small ok-text" role="status">
            {done}
          </p>
        )}
      </>
    );
  }
  return (
    <section className="panel-section verdict" aria-labelledby="verdict-title">
      <h2 id="verdict-title">Your review</h2>
      {content}
    </section>
  );
}
