import { useEffect } from 'react';
import { getNotifications } from '../api/notifications.ts';
import { useRefreshable } from '../proposals/use-refreshable.ts';

/**
 * My notifications: loaded once, then again whenever the server says they may have changed (its
 * `/api/notifications/stream` of server-sent events, which the browser reconnects by itself; a
 * reconnect looks again, since something may have been missed meanwhile), and when the tab comes
 * back into view. No polling.
 */
export function useNotifications() {
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
  return data;
}
