import type { Db } from '../db/connect.ts';

/** A document with the state of the proposal it belongs to (null when it belongs to none). */
export interface DocumentFactsRow {
  name: string;
  ladder_id: string;
  kind: string;
  read_only: number;
  proposal_state: string | null;
}

/** Documents with what the document policy needs to know about each (one query for one or many). */
function selectDocumentFacts(db: Db) {
  return db
    .selectFrom('documents')
    .leftJoin('proposals', 'proposals.document_name', 'documents.name')
    .select([
      'documents.name',
      'documents.ladder_id',
      'documents.kind',
      'documents.read_only',
      'proposals.state as proposal_state',
    ]);
}

export async function findDocumentFacts(db: Db, name: string): Promise<DocumentFactsRow | undefined> {
  return selectDocumentFacts(db).where('documents.name', '=', name).executeTakeFirst();
}

/** The live documents of these ladders' drafts and proposals that are not read-only, oldest first. */
export async function listEditableDocumentFacts(db: Db, ladderIds: string[]): Promise<DocumentFactsRow[]> {
  return selectDocumentFacts(db)
    .where('documents.ladder_id', 'in', ladderIds)
    .where('documents.kind', 'in', ['draft', 'proposal'])
    .where('documents.read_only', '=', 0)
    .orderBy('documents.created_at')
    .execute();
}
