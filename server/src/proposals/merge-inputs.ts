import type { LadderContent } from '@rungs/shared';
import type { Db } from '../db/connect.ts';
import {
  getVersion,
  latestVersion,
  versionContent,
  type VersionWithState,
} from '../versions/version-store.ts';
import type { LiveState } from './live-state.ts';
import type { MergeInputs, PublishedState } from './plan-merge.ts';
import type { ProposalRow } from './proposal-store.ts';
import { verdictsOfProposal } from './verdict-store.ts';

/** Reads what `planMerge` needs about `row` from `db` (the publishing transaction, or not). */
export async function loadMergeInputs(
  db: Db,
  ladder: { id: string; requiredApprovals: number },
  row: ProposalRow,
  head: LiveState,
): Promise<MergeInputs> {
  const verdicts = await verdictsOfProposal(db, row.id);
  const latest = await latestVersion(db, ladder.id);
  const base = row.base_version > 0 ? await getVersion(db, ladder.id, row.base_version) : undefined;
  return {
    state: row.state,
    baseVersion: row.base_version,
    requiredApprovals: ladder.requiredApprovals,
    verdicts,
    head,
    base: publishedState(base),
    published: publishedState(latest),
  };
}

function publishedState(row: VersionWithState | undefined): PublishedState | null {
  return row ? { number: row.number, state: row.yjs_state, content: versionContent(row) } : null;
}

/** The content of the version the proposal forked from (or last updated from); empty for none. */
export async function baseContentOf(db: Db, ladderId: string, row: ProposalRow): Promise<LadderContent> {
  return versionContent(row.base_version > 0 ? await getVersion(db, ladderId, row.base_version) : undefined);
}
