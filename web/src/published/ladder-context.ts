import { useOutletContext } from 'react-router-dom';
import type { Ladder } from '../api/ladders.ts';
import type { Version } from '../api/versions.ts';

/** What every tab of a ladder shares: the ladder, its published versions, and who I am to it. */
export interface LadderShellContext {
  ladder: Ladder;
  /** Newest first. */
  versions: Version[];
  latest: Version | null;
  /** Loads the ladder and its versions again (after a publish, a restore…). */
  reload(): void;
  /** Editors and admins: start proposals, restore versions. */
  canEdit: boolean;
  /** Editors, reviewers and admins see proposals; viewers see the published line only. */
  canSeeProposals: boolean;
  /** Admins: the ladder's settings (approvals required to publish). */
  canManage: boolean;
}

export function useLadderShell(): LadderShellContext {
  return useOutletContext<LadderShellContext>();
}

export const ladderPath = (slug: string, rest = '') => `/ladders/${encodeURIComponent(slug)}${rest}`;
