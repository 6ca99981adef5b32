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

/** The first-run marker: one row (`step = 'admin'`) once the first admin exists. */
export interface FirstRunTable {
  step: string;
  user_id: string;
  completed_at: string;
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

export interface ProposalsTable {
  id: string;
  ladder_id: string;
  number: number;
  document_name: string;
  title: string;
  description: string;
  author_id: string | null;
  /** draft | open | changes_requested | approved | merged | closed */
  state: string;
  base_version: number;
  restored_from_version: number | null;
  created_at: string;
  updated_at: string;
  opened_at: string | null;
  merged_at: string | null;
  merged_by: string | null;
  merged_version: number | null;
  closed_at: string | null;
  closed_by: string | null;
}

export interface VersionsTable {
  ladder_id: string;
  number: number;
  yjs_state: Uint8Array;
  content_json: string;
  title: string;
  description: string;
  author_id: string | null;
  published_by: string | null;
  /** JSON array of user ids. */
  approver_ids: string;
  proposal_id: string | null;
  created_at: string;
}

export interface ProposalVerdictsTable {
  id: Generated<number>;
  proposal_id: string;
  reviewer_id: string;
  /** approve | request_changes */
  verdict: string;
  body: string;
  fingerprint: string;
  base_version: number;
  created_at: string;
}

export interface ProposalCommentsTable {
  id: Generated<number>;
  proposal_id: string;
  parent_id: number | null;
  cell_key: string | null;
  author_id: string;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface NotificationReadsTable {
  user_id: string;
  seen_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  first_run: FirstRunTable;
  audit_events: AuditEventsTable;
  ladders: LaddersTable;
  documents: DocumentsTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
  proposals: ProposalsTable;
  versions: VersionsTable;
  proposal_verdicts: ProposalVerdictsTable;
  proposal_comments: ProposalCommentsTable;
  notification_reads: NotificationReadsTable;
}
