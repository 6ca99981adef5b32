import type { Db } from '../db/connect.ts';
import { roleAllows, type SessionUser } from '../auth/roles.ts';
import { CloseCode } from './connection.ts';

export type DocumentAccess =
  { allowed: true; canWrite: boolean } | { allowed: false; code: number; reason: string };

/**
 * Who may open a live document, and whether their edits are applied. Any signed-in user may
 * follow a ladder's document (viewers read-only); editors and admins write unless the document
 * is read-only (merged or closed proposals).
 */
export async function resolveDocumentAccess(
  db: Db,
  documentName: string,
  user: SessionUser | null,
): Promise<DocumentAccess> {
  if (!user)
    return { allowed: false, code: CloseCode.unauthorized, reason: 'Sign in to open this document.' };
  const doc = await db
    .selectFrom('documents')
    .innerJoin('ladders', 'ladders.id', 'documents.ladder_id')
    .select(['documents.read_only', 'documents.kind'])
    .where('documents.name', '=', documentName)
    .executeTakeFirst();
  if (!doc)
    return {
      allowed: false,
      code: CloseCode.notFound,
      reason: 'No such document. Check the link, or open the ladder again.',
    };
  if (!roleAllows(user.role, 'readPublished')) {
    return { allowed: false, code: CloseCode.forbidden, reason: 'Your role cannot open this document.' };
  }
  return { allowed: true, canWrite: doc.read_only === 0 && roleAllows(user.role, 'edit') };
}
