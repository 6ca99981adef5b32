import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { getNotifications, type NotificationList } from '../api/notifications.ts';
import { useRefreshable, type Refreshable } from '../proposals/use-refreshable.ts';

const NotificationsContext = createContext<Refreshable<NotificationList> | null>(null);

/**
 * My notifications, for everything under it (the bell, the ladder list's "Waiting for you"): one
 * load and one `/api/notifications/stream` per page, however many places show them. Loaded once,
 * then again whenever the server says they may have changed (its server-sent events, which the
 * browser reconnects by itself; a reconnect looks again, since something may have been missed
 * meanwhile), and when the tab comes back into view. No polling.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const data = useRefreshable((signal) => getNotifications(signal), []);
  const { refresh } = data;
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    const stream = new EventSource('/api/notifications/stream');
    let dropped = false;
    stream.addEventListener('changed', () => void refresh());
    stream.addEventListener('error', () => (dropped = true));
    stream.addEventListener('open', () => {
      if (dropped) void refresh();
      dropped = false;
    });
    return () => {
      stream.close();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);
  return <NotificationsContext.Provider value={data}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): Refreshable<NotificationList> {
  const data = useContext(NotificationsContext);
  if (!data) throw new Error('useNotifications must be used inside <NotificationsProvider>');
  return data;
}
