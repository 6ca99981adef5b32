import { apiRequest } from './client.ts';
import type { NotificationList } from '@rungs/shared/api/notifications';

export type { AppNotification, NotificationKind, NotificationList } from '@rungs/shared/api/notifications';

export function getNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return apiRequest<NotificationList>('/notifications', { signal });
}

export async function markNotificationsSeen(): Promise<void> {
  await apiRequest<void>('/notifications/seen', { method: 'POST' });
}
