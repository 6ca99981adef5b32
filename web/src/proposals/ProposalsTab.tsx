import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { listProposals, type Proposal, type ProposalFilter } from '../api/proposals.ts';
import { useAsync } from '../api/use-async.ts';
import { fullDate, timeAgo } from '../ladders/format.ts';
import { ladderPath, useLadderShell } from '../published/ladder-context.ts';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { NewProposalDialog } from './NewProposalDialog.tsx';
import { approvalsText, StateBadge } from './StateBadge.tsx';
import './proposals.css';

const FILTERS: { value: ProposalFilter; label: string }[] = [
  { value: 'active', label: 'Open' },
  { value: 'merged', label: 'Published' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

function ProposalRow({ slug, proposal }: { slug: string; proposal: Proposal }) {
  const when = proposal.mergedAt ?? proposal.closedAt ?? proposal.updatedAt;
  return (
    <li className="proposal-item" data-proposal={proposal.number}>
      <div className="proposal-item-main">
        <Link className="proposal-link" to={ladderPath(slug, `/proposals/${proposal.number}`)}>
          <span className="proposal-number">#{proposal.number}</span> {proposal.title}
        </Link>
        <div className="proposal-meta small">
          <StateBadge state={proposal.state} />
          <span>{proposal.author ? `by ${proposal.author.name}` : 'author unknown'}</span>
          <span className="muted">
            {proposal.mergedVersion
              ? `published as version ${proposal.mergedVersion}`
              : `based on ${proposal.baseVersion ? `version ${proposal.baseVersion}` : 'nothing yet'}`}
            {proposal.behindPublished && ' · behind published'}
          </span>
          <span className="muted" title={fullDate(when)}>
            {timeAgo(when)}
          </span>
        </div>
      </div>
      <div className="proposal-item-side small">
        <span className={proposal.approvals.fresh >= proposal.approvals.required ? 'ok-text' : 'muted'}>
          {approvalsText(proposal.approvals)}
        </span>
        {proposal.comments.total > 0 && (
          <span className="muted">
            {proposal.comments.total} comment{proposal.comments.total === 1 ? '' : 's'}
            {proposal.comments.unresolvedThreads > 0 && `, ${proposal.comments.unresolvedThreads} open`}
          </span>
        )}
      </div>
    </li>
  );
}

/** The Proposals tab: open and past proposals with state and approvals; "New proposal" for editors. */
export function ProposalsTab() {
  const { slug = '' } = useParams();
  const { ladder, latest, canEdit, canSeeProposals } = useLadderShell();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS.find((f) => f.value === params.get('state'))?.value ?? 'active') as ProposalFilter;
  const [creating, setCreating] = useState(false);
  useDocumentTitle(`Proposals · ${ladder.title}`);
  const { state, reload } = useAsync((signal) => listProposals(slug, filter, signal), [slug, filter]);

  if (!canSeeProposals) {
    return (
      <EmptyState title="Proposals are for editors and reviewers">
        <p className="muted">Your role reads the published ladder and its history.</p>
      </EmptyState>
    );
  }

  let body;
  if (state.status === 'loading') body = <Loading label="Loading proposals…" />;
  else if (state.status === 'error')
    body = (
      <ErrorState
        title="Could not load the proposals"
        message={errorMessage(state.error)}
        action={
          <button type="button" className="button primary" onClick={reload}>
            Try again
          </button>
        }
      />
    );
  else if (state.value.length === 0)
    body = (
      <EmptyState title={filter === 'active' ? 'No proposal in progress' : 'No proposals here'}>
        <p className="muted">
          {filter === 'active'
            ? 'Every change to the published ladder starts as a proposal: a live copy you edit with others, then get reviewed.'
            : 'Try another filter.'}
        </p>
        {canEdit && latest && filter === 'active' && (
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            New proposal
          </button>
        )}
      </EmptyState>
    );
  else
    body = (
      <ul className="proposal-list" aria-label="Proposals">
        {state.value.map((p) => (
          <ProposalRow key={p.id} slug={slug} proposal={p} />
        ))}
      </ul>
    );

  return (
    <section className="proposals" aria-labelledby="proposals-title">
      <div className="section-head">
        <div>
          <h2 id="proposals-title">Proposals</h2>
          <p className="muted small" data-testid="required-approvals">
            {ladder.requiredApprovals === 0
              ? 'Changes to the published ladder; publishing needs no approvals.'
              : `Changes to the published ladder, each reviewed before it is published: publishing needs ${
                  ladder.requiredApprovals
                } approval${ladder.requiredApprovals === 1 ? '' : 's'}.`}
          </p>
        </div>
        {canEdit && (
          <button
            type="button"
            className="button primary"
            onClick={() => setCreating(true)}
            disabled={!latest}
            title={
              latest ? undefined : 'Publish proposal #1 first: new proposals start from a published version.'
            }
          >
            New proposal
          </button>
        )}
      </div>
      <div className="filter-tabs" role="group" aria-label="Show">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            className={`filter-tab ${filter === f.value ? 'active' : ''}`}
            aria-pressed={filter === f.value}
            onClick={() => setParams(f.value === 'active' ? {} : { state: f.value }, { replace: true })}
          >
            {f.label}
          </button>
        ))}
      </div>
      {body}
      {creating && latest && (
        <NewProposalDialog
          slug={slug}
          publishedVersion={latest.number}
          onCancel={() => setCreating(false)}
          onCreated={(p) => navigate(ladderPath(slug, `/proposals/${p.number}`))}
        />
      )}
    </section>
  );
}
