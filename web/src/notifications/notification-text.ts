import type { AppNotification } from '../api/notifications.ts';

/** One sentence per notification, naming who did what on which proposal. */
export function notificationText(n: AppNotification): string {
  const who = n.actor?.name ?? 'Someone';
  const what = `#${n.proposal.number} “${n.proposal.title}”`;
  switch (n.kind) {
    case 'review_requested':
      return `${who} asks for your review of ${what}`;
    case 'review_outdated':
      return `${what} changed since your verdict: have another look`;
    case 'verdict':
      return n.verdict === 'approve' ? `${who} approved ${what}` : `${who} requested changes to ${what}`;
    case 'comment':
      return `${who} commented on ${what}${n.comment?.cellKey ? ' (on a cell)' : ''}`;
    case 'reply':
      return `${who} replied in your thread on ${what}`;
  }
}

export function notificationHref(n: AppNotification): string {
  const base = `/ladders/${encodeURIComponent(n.ladder.slug)}/proposals/${n.proposal.number}`;
  return n.kind === 'review_requested' || n.kind === 'review_outdated' ? `${base}/changes` : base;
}
