import type { Db } from '../db/connect.ts';
import { findDocumentFacts, type DocumentFactsRow } from './document-facts-store.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError, type DomainError } from '../domain-errors.ts';
import { ACTIVE_STATES } from '../reviews/review-status.ts';
import { roleAllows, type SessionUser } from './roles.ts';

/** What decides access to a live document: what it is, and the state of the proposal it belongs to. */
export interface DocumentFacts {
  name: string;
  ladderId: string;
  /** `proposal` (and legacy `draft`) documents are unpublished work; `published` ones are not. */
  kind: string;
  readOnly: boolean;
  /** The state of the proposal whose document this is, or null when it belongs to none. */
  proposalState: string | null;
}

export type DocumentRefusal = 'unauthenticated' | 'forbidden' | 'not_found';

export type DocumentDecision =
  { read: true; write: boolean } | { read: false; write: false; code: DocumentRefusal; reason: string };

/** Whether `user`'s role may see unpublished work at all: drafts, proposals and their reviews. */
export function seesUnpublishedWork(user: SessionUser): boolean {
  return roleAllows(user.role, 'readDrafts');
}

/**
 * The one rule for reading and writing a live document, used by every REST route that reads one
 * and by the websocket. Viewers see published versions only, never unpublished work; reviewers
 * follow proposals read-only; editors and admins write drafts and proposals in review. Merged and
 * closed proposals are read-only for all.
 */
export function decideDocumentAccess(user: SessionUser | null, doc: DocumentFacts | null): DocumentDecision {
  if (!user)
    return { read: false, write: false, code: 'unauthenticated', reason: 'Sign in to open this document.' };
  if (!doc)
    return {
      read: false,
      write: false,
      code: 'not_found',
      reason: 'No such document. Check the link, or open the ladder again.',
    };
  if (doc.kind === 'published' && roleAllows(user.role, 'readPublished')) return { read: true, write: false };
  if (!seesUnpublishedWork(user)) {
    return {
      read: false,
      write: false,
      code: 'forbidden',
      reason: `Your role (${user.role}) sees published versions only; this document is unpublished work.`,
    };
  }
  const editable = !doc.readOnly && (doc.proposalState === null || ACTIVE_STATES.includes(doc.proposalState));
  return { read: true, write: editable && roleAllows(user.role, 'edit') };
}

export function toDocumentFacts(row: DocumentFactsRow): DocumentFacts {
  return {
    name: row.name,
    ladderId: row.ladder_id,
    kind: row.kind,
    readOnly: row.read_only !== 0,
    proposalState: row.proposal_state ?? null,
  };
}

/** The facts about one document, or null when there is no such document. */
export async function loadDocumentFacts(db: Db, name: string): Promise<DocumentFacts | null> {
  const row = await findDocumentFacts(db, name);
  return row ? toDocumentFacts(row) : null;
}

const REFUSAL: Record<DocumentRefusal, new (code: string, message: string) => DomainError> = {
  unauthenticated: UnauthenticatedError,
  forbidden: ForbiddenError,
  not_found: NotFoundError,
};

/** For REST routes: the refusal as the domain error the error plugin answers (401, 403 or 404). */
export function refusalError(decision: Extract<DocumentDecision, { read: false }>): DomainError {
  return new REFUSAL[decision.code](decision.code, decision.reason);
}

/** Loads the document and decides, in one call. */
export async function documentAccess(
  db: Db,
  user: SessionUser | null,
  name: string,
): Promise<DocumentDecision> {
  return decideDocumentAccess(user, await loadDocumentFacts(db, name));
}

/** For REST routes that read a document: throws the refusal unless `user` may read it. */
export async function assertDocumentReadable(db: Db, user: SessionUser | null, name: string): Promise<void> {
  const decision = await documentAccess(db, user, name);
  if (!decision.read) throw refusalError(decision);
}
