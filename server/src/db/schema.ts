import type { Generated } from 'kysely';

export interface LaddersTable {
  id: string;
  slug: string;
  title: string;
  track: string;
  required_approvals: Generated<number>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentsTable {
  name: string;
  ladder_id: string;
  kind: string;
  read_only: Generated<number>;
  created_at: string;
}

export interface DocUpdatesTable {
  id: Generated<number>;
  document_name: string;
  data: Uint8Array;
  created_at: string;
}

export interface DocSnapshotsTable {
  document_name: string;
  state: Uint8Array;
  last_update_id: number;
  updated_at: string;
}

export interface Database {
  ladders: LaddersTable;
  documents: DocumentsTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
}
