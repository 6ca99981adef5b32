import type { ProposalPermissions } from '@rungs/shared/api/proposals';
import type { DocumentDecision } from '../auth/document-policy.ts';
import { roleAllows, type SessionUser } from '../auth/roles.ts';
import { ACTIVE_STATES } from '../reviews/review-status.ts';

/**
 * What `user` may do with a proposal now, by the same rules the routes enforce: the document
 * policy's decision for its document, the role's access, and the publishing checks.
 */
export function proposalPermissions(
  user: SessionUser,
  proposal: { state: string; access: DocumentDecision; canMerge: boolean },
): ProposalPermissions {
  const editor = roleAllows(user.role, 'edit');
  return {
    edit: proposal.access.write,
    publish: editor && proposal.canMerge,
    delete: editor && ACTIVE_STATES.includes(proposal.state),
    resolve: roleAllows(user.role, 'review'),
  };
}
