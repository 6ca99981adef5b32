import type { ProposalDetail } from '../api/proposals.ts';
import { fullDate, timeAgo } from '../ladders/format.ts';
import { approvalsText } from '../proposals/StateBadge.tsx';
import { ACTIVE_STATES } from '@rungs/shared/api/review-status';

/**
 * What stands between a proposal and publishing: approvals (fresh ones count; stale ones are
 * shown, not counted), conflicts with the published line, and the server's blockers, as written.
 */
export function ChecksPanel({
  proposal,
  showBlockers,
}: {
  proposal: ProposalDetail;
  /** The blockers as the server words them (editors read them under the Publish button). */
  showBlockers: boolean;
}) {
  const { approvals, reviewers, conflicts, checks } = proposal;
  const active = ACTIVE_STATES.includes(proposal.state);
  const enough = approvals.fresh >= approvals.required;
  return (
    <section className="panel-section checks" aria-labelledby="checks-title">
      <h2 id="checks-title">Checks</h2>
      <ul className="check-list">
        <li className={`check ${enough ? 'is-ok' : 'is-pending'}`} data-check="approvals">
          <span className="check-icon" aria-hidden="true">
            {enough ? '✓' : '•'}
          </span>
          <span>
            <strong>Approvals:</strong> {approvalsText(approvals)}
          </span>
        </li>
        <li className={`check ${proposal.behindPublished ? 'is-pending' : 'is-ok'}`} data-check="base">
          <span className="check-icon" aria-hidden="true">
            {proposal.behindPublished ? '•' : '✓'}
          </span>
          <span>
            <strong>Base:</strong>{' '}
            {proposal.baseVersion ? `version ${proposal.baseVersion}` : 'nothing published yet'}
            {proposal.behindPublished
              ? ` — published is now version ${proposal.publishedVersion}`
              : active && proposal.publishedVersion
                ? ' (the latest)'
                : ''}
          </span>
        </li>
        {active && (
          <li className={`check ${conflicts.length ? 'is-blocked' : 'is-ok'}`} data-check="conflicts">
            <span className="check-icon" aria-hidden="true">
              {conflicts.length ? '!' : '✓'}
            </span>
            <span>
              <strong>Conflicts:</strong>{' '}
              {conflicts.length
                ? `${conflicts.length} — the published ladder changed the same things:`
                : 'none'}
              {conflicts.length > 0 && (
                <ul className="conflict-list">
                  {conflicts.map((c, i) => (
                    <li key={i}>
                      {c.label}
                      {c.reason === 'deleted-and-changed' && (
                        <span className="muted"> (deleted on one side)</span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </span>
          </li>
        )}
      </ul>
      {reviewers.length > 0 && (
        <ul className="reviewer-list" aria-label="Verdicts">
          {reviewers.map((r) => (
            <li key={r.reviewer.id} className={`reviewer ${r.fresh ? 'is-fresh' : 'is-stale'}`}>
              <div>
                <strong>{r.reviewer.name}</strong>{' '}
                <span className={`verdict verdict-${r.verdict}`}>
                  {r.verdict === 'approve' ? 'approved' : 'requested changes'}
                </span>{' '}
                {!r.fresh && (
                  <span
                    className="stale-tag"
                    title="The proposal changed after this verdict: it no longer counts."
                  >
                    stale
                  </span>
                )}
              </div>
              <time className="small muted" dateTime={r.at} title={fullDate(r.at)}>
                {timeAgo(r.at)}
              </time>
              {r.body && <p className="reviewer-body">{r.body}</p>}
            </li>
          ))}
        </ul>
      )}
      {active && showBlockers && checks.blockers.length > 0 && (
        <div className="blockers" role="note" aria-label="Why it cannot be published yet">
          <p className="small">
            <strong>Not ready to publish:</strong>
          </p>
          <ul>
            {checks.blockers.map((b) => (
              <li key={b.code} data-blocker={b.code}>
                {b.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {active && checks.canMerge && (
        <p className="ready-note small" data-ready="true">
          ✓ Ready to publish as version {proposal.publishedVersion + 1}.
        </p>
      )}
    </section>
  );
}
