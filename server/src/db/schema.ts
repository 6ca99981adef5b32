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

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  disabled_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface InvitationsTable {
  token_hash: string;
  user_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target: string;
  details: string;
  ip: string | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  audit_events: AuditEventsTable;
  ladders: LaddersTable;
  documents: DocumentsTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
}
