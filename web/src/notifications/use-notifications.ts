import { useEffect } from 'react';
import { getNotifications } from '../api/notifications.ts';
import { useRefreshable } from '../proposals/use-refreshable.ts';

/** My notifications, refreshed every `pollMs` while the tab is visible and whenever it comes back. */
export function useNotifications(pollMs = 30_000) {
  const data = useRefreshable((signal) => getNotifications(signal), []);
  const { refresh } = data;
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const timer = window.setInterval(onVisible, pollMs);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, pollMs]);
  return data;
}
