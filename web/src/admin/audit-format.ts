import type { AuditEvent } from '../api/audit.ts';

/** Action prefixes worth one click; the filter takes any prefix. */
export const AUDIT_FILTERS: readonly { label: string; prefix: string }[] = [
  { label: 'All', prefix: '' },
  { label: 'Sign-ins', prefix: 'auth.' },
  { label: 'Failed sign-ins', prefix: 'auth.login_failed' },
  { label: 'Accounts and roles', prefix: 'user.' },
  { label: 'Proposals', prefix: 'proposal.' },
  { label: 'Ladders', prefix: 'ladder.' },
];

const ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed sign-in',
  'auth.logout': 'Signed out',
  'user.created': 'Account created',
  'user.invited': 'User invited',
  'user.invitation_accepted': 'Invitation accepted',
  'user.role_changed': 'Role changed',
  'user.disabled': 'Account disabled',
  'user.enabled': 'Account enabled',
  'ladder.settings_changed': 'Ladder settings changed',
  'proposal.created': 'Proposal created',
  'proposal.opened': 'Proposal opened for review',
  'proposal.closed': 'Proposal closed',
  'proposal.reopened': 'Proposal reopened',
  'proposal.merged': 'Proposal published',
  'proposal.updated_from_published': 'Proposal updated from published',
};

/** "Role changed" for `user.role_changed`; unknown actions read as their code. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export interface KnownUser {
  name: string;
  email: string;
}

/** `user:<id>` as the person's name; other targets (`email:…`, `ladder:…`) as written. */
export function targetLabel(target: string, users: ReadonlyMap<string, KnownUser>): string {
  const [kind, ...rest] = target.split(':');
  const id = rest.join(':');
  if (kind === 'user') {
    const user = users.get(id);
    return user ? `${user.name} (${user.email})` : target;
  }
  if (kind === 'email') return id;
  return target;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The details of an event as label/value pairs; a role change reads "editor → reviewer". */
export function detailEntries(event: AuditEvent): { key: string; value: string }[] {
  const details = { ...event.details };
  const entries: { key: string; value: string }[] = [];
  if ('from' in details && 'to' in details) {
    entries.push({ key: 'change', value: `${valueText(details.from)} → ${valueText(details.to)}` });
    delete details.from;
    delete details.to;
  }
  for (const [key, value] of Object.entries(details)) entries.push({ key, value: valueText(value) });
  return entries;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function eventTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : timeFormat.format(time);
}
