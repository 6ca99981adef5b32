import { apiRequest } from './client.ts';
import type { UserRef, VerdictKind } from './proposals.ts';

export type NotificationKind = 'review_requested' | 'review_outdated' | 'verdict' | 'comment' | 'reply';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  at: string;
  unread: boolean;
  ladder: { slug: string; title: string };
  proposal: { number: number; title: string };
  actor: UserRef | null;
  verdict: VerdictKind | null;
  comment: { id: number; cellKey: string | null; excerpt: string } | null;
}

export interface NotificationList {
  notifications: AppNotification[];
  unread: number;
  seenAt: string | null;
}

export function getNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return apiRequest<NotificationList>('/notifications', { signal });
}

export async function markNotificationsSeen(): Promise<void> {
  await apiRequest<void>('/notifications/seen', { method: 'POST' });
}
