import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { getOverview, type LadderActivity } from '../api/proposals.ts';
import { fullDate } from '../ladders/format.ts';
import { notificationHref, notificationText } from '../notifications/notification-text.ts';
import { useNotifications } from '../notifications/notifications-context.tsx';
import { ladderPath } from '../published/ladder-context.ts';
import { useRefreshable } from './use-refreshable.ts';
import './proposals.css';

const ActivityContext = createContext<ReadonlyMap<string, LadderActivity> | null>(null);

/** Reviews waiting for me and unread news on my proposals, above the list of ladders. */
function WaitingForYou() {
  const { value } = useNotifications();
  const items = (value?.notifications ?? []).filter(
    (n) => n.kind === 'review_requested' || n.kind === 'review_outdated' || n.unread,
  );
  if (items.length === 0) return null;
  return (
    <section className="waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title">Waiting for you</h2>
      <ul>
        {items.slice(0, 6).map((n) => (
          <li key={n.id} data-kind={n.kind}>
            <Link to={notificationHref(n)}>{notificationText(n)}</Link>{' '}
            <span className="muted small">in {n.ladder.title}</span>
          </li>
        ))}
      </ul>
      {items.length > 6 && <p className="small muted">And {items.length - 6} more under the bell.</p>}
    </section>
  );
}

/**
 * Per ladder activity (published version, proposals in progress, reviews awaiting me) for the
 * ladder list, with the "Waiting for you" panel above the list.
 */
export function LadderListActivity({ children }: { children: ReactNode }) {
  const overview = useRefreshable((signal) => getOverview(signal), []);
  const bySlug = useMemo(() => new Map(overview.value?.map((a) => [a.slug, a])), [overview.value]);
  return (
    <ActivityContext.Provider value={bySlug}>
      <WaitingForYou />
      {children}
    </ActivityContext.Provider>
  );
}

/** "Version 3 · 1 in review · 2 drafts · your review: #4" for one ladder of the list. */
export function LadderActivityLine({ slug }: { slug: string }) {
  const activity = useContext(ActivityContext)?.get(slug);
  if (!activity) return null;
  const path = (rest: string) => ladderPath(slug, rest);
  return (
    <>
      {activity.publishedVersion ? (
        <span
          className="activity-version"
          title={activity.publishedAt ? fullDate(activity.publishedAt) : undefined}
        >
          Version {activity.publishedVersion}
        </span>
      ) : (
        <span className="activity-version is-unpublished">Not published yet</span>
      )}
      {activity.inReview > 0 && (
        <Link className="activity-count" to={path('/proposals')}>
          {activity.inReview} in review
        </Link>
      )}
      {activity.drafts > 0 && (
        <Link className="activity-count" to={path('/proposals')}>
          {activity.drafts} draft{activity.drafts === 1 ? '' : 's'}
        </Link>
      )}
      {activity.awaitingMyReview.map((n) => (
        <Link key={n} className="awaiting-pill" to={path(`/proposals/${n}/changes`)}>
          Your review: #{n}
        </Link>
      ))}
    </>
  );
}
