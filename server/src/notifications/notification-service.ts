import type { Db } from '../db/connect.ts';
import type { RoomManager } from '../collab/room-manager.ts';
import { roleAllows, type SessionUser } from '../auth/roles.ts';
import { seesUnpublishedWork } from '../auth/document-policy.ts';
import { stateFingerprint } from '../proposals/fingerprint.ts';
import { refOf, userRefs, type UserRef } from '../auth/user-ref-store.ts';
import {
  commentsOnProposalsOf,
  findSeenAt,
  proposalsInReviewNotBy,
  repliesInThreadsOf,
  saveSeenAt,
  verdictsBy,
  verdictsOnProposalsOf,
} from './notification-store.ts';

export type NotificationKind = 'review_requested' | 'review_outdated' | 'verdict' | 'comment' | 'reply';

export interface NotificationView {
  /** Stable per event, e.g. `verdict:12`, `comment:40`, `review:<proposal id>`. */
  id: string;
  kind: NotificationKind;
  at: string;
  /** Newer than the last time the user marked notifications as seen. */
  unread: boolean;
  ladder: { slug: string; title: string };
  proposal: { number: number; title: string };
  /** Who did it (the proposal's author for review requests). */
  actor: UserRef | null;
  verdict: 'approve' | 'request_changes' | null;
  comment: { id: number; cellKey: string | null; excerpt: string } | null;
}

const LIMIT = 100;

/**
 * In-app notifications, derived from what happened: proposals waiting for my review (or changed
 * since my verdict), and verdicts and comments on my proposals and replies in my threads.
 */
export class NotificationService {
  constructor(
    private readonly db: Db,
    private readonly rooms: RoomManager,
  ) {}

  async forUser(
    user: SessionUser,
  ): Promise<{ notifications: NotificationView[]; unread: number; seenAt: string | null }> {
    const seenAt = await findSeenAt(this.db, user.id);
    // Every notification is about a proposal, i.e. unpublished work: none for roles that may not
    // see it (a viewer who once authored proposals as an editor included).
    if (!seesUnpublishedWork(user)) return { notifications: [], unread: 0, seenAt };
    const items = [
      ...(roleAllows(user.role, 'review') ? await this.awaitingReview(user) : []),
      ...(await this.verdicts(user)),
      ...(await this.comments(user)),
    ];
    const refs = await userRefs(
      this.db,
      items.map((i) => i.actorId),
    );
    const notifications = items
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, LIMIT)
      .map(({ actorId, ...item }) => ({
        ...item,
        actor: refOf(refs, actorId),
        unread: seenAt === null || item.at > seenAt,
      }));
    return { notifications, unread: notifications.filter((n) => n.unread).length, seenAt };
  }

  async markSeen(userId: string, at = new Date().toISOString()): Promise<void> {
    await saveSeenAt(this.db, userId, at);
  }

  /** Proposals awaiting the user's review (none for roles that cannot review). */
  async awaitingReviewOf(user: SessionUser): Promise<{ ladderSlug: string; proposalNumber: number }[]> {
    if (!roleAllows(user.role, 'review')) return [];
    return (await this.awaitingReview(user)).map((i) => ({
      ladderSlug: i.ladder.slug,
      proposalNumber: i.proposal.number,
    }));
  }

  private async awaitingReview(user: SessionUser): Promise<Item[]> {
    const proposals = await proposalsInReviewNotBy(this.db, user.id);
    if (proposals.length === 0) return [];
    const mine = await verdictsBy(
      this.db,
      user.id,
      proposals.map((p) => p.id),
    );
    const latestMine = new Map(mine.map((v) => [v.proposal_id, v]));
    const out: Item[] = [];
    for (const p of proposals) {
      const verdict = latestMine.get(p.id);
      const base = {
        at: p.opened_at ?? p.updated_at,
        ladder: { slug: p.slug, title: p.ladder_title },
        proposal: { number: p.number, title: p.title },
        actorId: p.author_id,
        verdict: null,
        comment: null,
      };
      if (!verdict) {
        out.push({ ...base, id: `review:${p.id}`, kind: 'review_requested' });
        continue;
      }
      const fingerprint = await this.rooms.read(p.document_name, stateFingerprint);
      if (fingerprint !== verdict.fingerprint) {
        out.push({
          ...base,
          id: `review:${p.id}:${verdict.id}`,
          kind: 'review_outdated',
          at: p.updated_at > verdict.created_at ? p.updated_at : verdict.created_at,
        });
      }
    }
    return out;
  }

  private async verdicts(user: SessionUser): Promise<Item[]> {
    const rows = await verdictsOnProposalsOf(this.db, user.id, LIMIT);
    return rows.map((r) => ({
      id: `verdict:${r.id}`,
      kind: 'verdict' as const,
      at: r.created_at,
      ladder: { slug: r.slug, title: r.ladder_title },
      proposal: { number: r.number, title: r.title },
      actorId: r.reviewer_id,
      verdict: r.verdict === 'approve' ? ('approve' as const) : ('request_changes' as const),
      comment: null,
    }));
  }

  private async comments(user: SessionUser): Promise<Item[]> {
    const onMine = await commentsOnProposalsOf(this.db, user.id, LIMIT);
    const repliesToMe = await repliesInThreadsOf(this.db, user.id, LIMIT);
    const seen = new Set<number>();
    const out: Item[] = [];
    for (const [kind, rows] of [
      ['comment', onMine],
      ['reply', repliesToMe],
    ] as const) {
      for (const r of rows) {
        const id = Number(r.id);
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({
          id: `comment:${id}`,
          kind,
          at: r.created_at,
          ladder: { slug: r.slug, title: r.ladder_title },
          proposal: { number: r.number, title: r.title },
          actorId: r.author_id,
          verdict: null,
          comment: { id, cellKey: r.cell_key, excerpt: excerpt(r.body) },
        });
      }
    }
    return out;
  }
}

type Item = Omit<NotificationView, 'actor' | 'unread'> & { actorId: string | null };

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
}
