import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Version } from '../api/versions.ts';
import { fullDate } from '../ladders/format.ts';
import { ladderPath, useLadderShell } from '../published/ladder-context.ts';
import { EmptyState } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { RestoreDialog } from './RestoreDialog.tsx';
import './history.css';

export const rangePath = (slug: string, from: number, to: number) =>
  ladderPath(slug, `/history/${from}..${to}`);

function names(list: readonly { name: string }[]): string {
  return list.map((p) => p.name).join(', ');
}

/** The History tab: every published version with its changelog; pick two to see what changed. */
export function HistoryTab() {
  const { ladder, versions, latest, canEdit, canSeeProposals, reload } = useLadderShell();
  const navigate = useNavigate();
  const [from, setFrom] = useState<number | null>(versions[1]?.number ?? null);
  const [to, setTo] = useState<number | null>(versions[0]?.number ?? null);
  const [restoring, setRestoring] = useState<Version | null>(null);
  useDocumentTitle(`History · ${ladder.title}`);

  // The list may be older than the page (someone published meanwhile): refresh it on arrival.
  useEffect(() => reload(), [reload]);
  useEffect(() => {
    setFrom((f) => f ?? versions[1]?.number ?? null);
    setTo((t) => t ?? versions[0]?.number ?? null);
  }, [versions]);

  if (!latest) {
    return (
      <EmptyState title="No versions yet">
        <p className="muted">
          Version 1 appears here once the first proposal is reviewed and published.
          {canSeeProposals && (
            <>
              {' '}
              <Link to={ladderPath(ladder.slug, '/proposals/1')}>Open proposal #1</Link>.
            </>
          )}
        </p>
      </EmptyState>
    );
  }

  const canCompare = from !== null && to !== null && from !== to;
  const [low, high] = canCompare ? [Math.min(from, to), Math.max(from, to)] : [0, 0];

  return (
    <section className="history" aria-labelledby="history-title">
      <div className="section-head">
        <div>
          <h2 id="history-title">Version history</h2>
          <p className="muted small">
            {versions.length === 1
              ? 'One published version.'
              : `${versions.length} published versions. Pick two (From, To) to see what changed between them.`}
          </p>
        </div>
        {versions.length > 1 && (
          <button
            type="button"
            className="button primary"
            disabled={!canCompare}
            onClick={() => navigate(rangePath(ladder.slug, low, high))}
          >
            {canCompare
              ? `Show changes from version ${low} to version ${high}`
              : 'Pick two different versions'}
          </button>
        )}
      </div>
      <div className="table-wrap">
        <div className="table-scroll" role="region" aria-label="Versions" tabIndex={0}>
          <table className="data-table history-table" aria-label="Published versions">
            <thead>
              <tr>
                {versions.length > 1 && (
                  <>
                    <th scope="col" className="pick">
                      From
                    </th>
                    <th scope="col" className="pick">
                      To
                    </th>
                  </>
                )}
                <th scope="col">Version</th>
                <th scope="col">Changelog</th>
                <th scope="col">Published</th>
                <th scope="col">Proposed by</th>
                <th scope="col">Approved by</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr
                  key={v.number}
                  data-version={v.number}
                  className={v.number === latest.number ? 'is-current' : ''}
                >
                  {versions.length > 1 && (
                    <>
                      <td className="pick">
                        <input
                          type="radio"
                          name="history-from"
                          aria-label={`Compare from version ${v.number}`}
                          checked={from === v.number}
                          onChange={() => setFrom(v.number)}
                        />
                      </td>
                      <td className="pick">
                        <input
                          type="radio"
                          name="history-to"
                          aria-label={`Compare to version ${v.number}`}
                          checked={to === v.number}
                          onChange={() => setTo(v.number)}
                        />
                      </td>
                    </>
                  )}
                  <td className="version-number">
                    <Link
                      to={ladderPath(ladder.slug, `/versions/${v.number}`)}
                      aria-label={`v${v.number}: View version ${v.number}`}
                    >
                      v{v.number}
                    </Link>
                    {v.number === latest.number && <span className="current-tag">current</span>}
                  </td>
                  <td className="changelog">
                    <strong className="changelog-title">{v.title}</strong>
                    {v.description && <p className="changelog-description">{v.description}</p>}
                    {v.proposalNumber && canSeeProposals && (
                      <p className="changelog-source small">
                        <Link to={ladderPath(ladder.slug, `/proposals/${v.proposalNumber}`)}>
                          Proposal #{v.proposalNumber}
                        </Link>
                      </p>
                    )}
                  </td>
                  <td className="nowrap">
                    <time dateTime={v.publishedAt}>{fullDate(v.publishedAt)}</time>
                  </td>
                  <td>{v.author?.name ?? <span className="muted">—</span>}</td>
                  <td>
                    {v.approvers.length ? (
                      names(v.approvers)
                    ) : (
                      <span className="muted">No approvals needed</span>
                    )}
                  </td>
                  <td className="row-links">
                    {v.number > 1 && (
                      <Link to={rangePath(ladder.slug, v.number - 1, v.number)}>
                        Changes<span className="visually-hidden"> in version {v.number}</span>
                      </Link>
                    )}
                    {canEdit && v.number !== latest.number && (
                      <button type="button" className="link-button" onClick={() => setRestoring(v)}>
                        Restore<span className="visually-hidden"> version {v.number}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {restoring && (
        <RestoreDialog
          slug={ladder.slug}
          version={restoring}
          latest={latest.number}
          onCancel={() => setRestoring(null)}
        />
      )}
    </section>
  );
}
