import { Link } from 'react-router-dom';
import type { ProposalDetail } from '../api/proposals.ts';
import { ReadOnlyNotice } from '../auth/ReadOnlyNotice.tsx';
import { useCanEdit } from '../auth/use-can-edit.ts';
import { afterCloseAdvice } from '../collab/connection-status.ts';
import { useConnectionStatus, useDocumentOpenState } from '../collab/hooks.ts';
import { ContentMatrix } from '../diff/ContentMatrix.tsx';
import { DiffView } from '../diff/DiffView.tsx';
import type { LadderContent } from '../domain.ts';
import { Matrix } from '../ladder/matrix/Matrix.tsx';
import { ladderPath } from '../published/ladder-context.ts';
import { commentExtras } from '../review/CellCommentButton.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { ProposalLadderFields } from './ProposalLadderFields.tsx';

/** The live editor of an active proposal: its ladder fields and the matrix, co-edited. */
export function LiveEditorView() {
  const { loaded, fatal, closeReason, closeCode } = useDocumentOpenState();
  const canEdit = useCanEdit();
  if (!loaded) {
    if (fatal) {
      return (
        <ErrorState
          title="This proposal can't be opened"
          message={closeReason ?? 'The server closed the connection.'}
        />
      );
    }
    return <Loading label="Opening the proposal…" />;
  }
  return (
    <>
      {!canEdit && <ReadOnlyNotice subject="this proposal" />}
      {fatal && closeReason && (
        <div className="banner banner-error" role="alert">
          {closeReason} {afterCloseAdvice(closeCode)}
        </div>
      )}
      <ProposalLadderFields />
      <Matrix skipTo={{ href: '#proposal-panel', label: 'Skip to side panel' }} />
    </>
  );
}

/**
 * Said on a proposal that became read-only while this browser still had edits the server had
 * not stored: they were refused (they arrived after the publish or close), not silently dropped.
 */
export function RefusedEditsNotice({ state }: { state: ProposalDetail['state'] }) {
  const { saved } = useConnectionStatus();
  if (saved) return null;
  return (
    <p className="banner banner-error" role="alert">
      Your last edits were not saved: this proposal was {state === 'merged' ? 'published' : 'closed'} before
      they reached the server, so they are not in it. Make them again in a new proposal; they are lost when
      you leave this page.
    </p>
  );
}

/** A published or closed proposal: its content as it stands, read-only. */
export function FrozenView({
  proposal,
  content,
}: {
  proposal: ProposalDetail;
  content: LadderContent | undefined;
}) {
  const slug = proposal.ladder.slug;
  return (
    <div className="frozen-view">
      <p className="frozen-note" role="status">
        {proposal.state === 'merged' ? (
          <>
            Published as{' '}
            <Link to={ladderPath(slug, `/versions/${proposal.mergedVersion}`)}>
              version {proposal.mergedVersion}
            </Link>
            : this proposal is read-only.
          </>
        ) : (
          <>
            Closed without publishing: read-only
            {proposal.closedBy ? ` (closed by ${proposal.closedBy.name})` : ''}.
          </>
        )}
      </p>
      {content ? (
        <ContentMatrix head={content} label={`Proposal #${proposal.number}`} cellExtras={commentExtras} />
      ) : (
        <Loading label="Loading the proposal…" />
      )}
    </div>
  );
}

/** The Changes view: the diff against the base version, as a highlighted matrix or per level. */
export function ChangesView({
  proposal,
  base,
  head,
}: {
  proposal: ProposalDetail;
  base: LadderContent | undefined;
  head: LadderContent | undefined;
}) {
  if (!base || !head) return <Loading label="Loading the changes…" />;
  const slug = proposal.ladder.slug;
  return (
    <div className="changes-view">
      <p className="view-intro small muted">
        What this proposal changes{' '}
        {proposal.baseVersion ? (
          <>
            against{' '}
            <Link to={ladderPath(slug, `/versions/${proposal.baseVersion}`)}>
              version {proposal.baseVersion}
            </Link>
            , the version it started from
          </>
        ) : (
          'in a ladder with nothing published yet'
        )}
        .
        {proposal.behindPublished && proposal.preview && (
          <>
            {' '}
            The published ladder moved on since:{' '}
            <Link to={ladderPath(slug, `/proposals/${proposal.number}/preview`)}>see the merge preview</Link>.
          </>
        )}
      </p>
      <DiffView
        base={base}
        head={head}
        diff={proposal.changes.diff}
        label={`Changes of proposal #${proposal.number}`}
        cellExtras={commentExtras}
      />
    </div>
  );
}

/** The merge preview: what publishing now would change in the current published version. */
export function PreviewView({
  proposal,
  published,
}: {
  proposal: ProposalDetail;
  published: LadderContent | undefined;
}) {
  const preview = proposal.preview;
  if (!preview) {
    return (
      <p className="muted view-intro">
        {proposal.state === 'merged' ? 'This proposal is published.' : 'This proposal is closed.'} There is
        nothing to preview.
      </p>
    );
  }
  if (!published) return <Loading label="Loading the preview…" />;
  return (
    <div className="changes-view">
      <p className="view-intro small muted">
        What publishing this proposal now would change in{' '}
        {proposal.publishedVersion
          ? `version ${proposal.publishedVersion}, the current published ladder`
          : 'the ladder'}
        {proposal.behindPublished
          ? ' (it moved on since this proposal started, so this differs from the Changes view).'
          : ' (the same as the Changes view: nothing was published since it started).'}
      </p>
      {proposal.conflicts.length > 0 && (
        <p className="banner-warn" role="alert">
          Conflicts: {proposal.conflicts.map((c) => c.label).join(', ')}. Update from published before
          publishing.
        </p>
      )}
      <DiffView
        base={published}
        head={preview.content}
        diff={preview.diff}
        label={`Merge preview of proposal #${proposal.number}`}
        cellExtras={commentExtras}
      />
    </div>
  );
}
