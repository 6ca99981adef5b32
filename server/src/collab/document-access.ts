import type { Db } from '../db/connect.ts';
import type { SessionUser } from '../auth/roles.ts';
import { documentAccess, type DocumentRefusal } from '../auth/document-policy.ts';
import { CloseCode } from './connection.ts';

export type DocumentAccess =
  { allowed: true; canWrite: boolean } | { allowed: false; code: number; reason: string };

const CLOSE_CODE: Record<DocumentRefusal, number> = {
  unauthenticated: CloseCode.unauthorized,
  forbidden: CloseCode.forbidden,
  not_found: CloseCode.notFound,
};

/**
 * Whether a websocket may open a live document, and whether its edits are applied: the document
 * policy (`auth/document-policy.ts`), answered as websocket close codes.
 */
export async function resolveDocumentAccess(
  db: Db,
  documentName: string,
  user: SessionUser | null,
): Promise<DocumentAccess> {
  const decision = await documentAccess(db, user, documentName);
  if (!decision.read) return { allowed: false, code: CLOSE_CODE[decision.code], reason: decision.reason };
  return { allowed: true, canWrite: decision.write };
}
