import { Type, type Static } from '@sinclair/typebox';
import { UserRefSchema } from './diff.ts';

export const NOTIFICATION_KINDS = [
  'review_requested',
  'review_outdated',
  'verdict',
  'comment',
  'reply',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union(
      NOTIFICATION_KINDS.map((k) => Type.Literal(k)),
      {
        description:
          'review_requested: awaits your review; review_outdated: changed since your verdict; verdict / comment: on your proposal; reply: in your thread.',
      },
    ),
    at: Type.String(),
    unread: Type.Boolean(),
    ladder: Type.Object({ slug: Type.String(), title: Type.String() }),
    proposal: Type.Object({ number: Type.Integer(), title: Type.String() }),
    actor: Type.Union([UserRefSchema, Type.Null()]),
    verdict: Type.Union([Type.Literal('approve'), Type.Literal('request_changes'), Type.Null()]),
    comment: Type.Union([
      Type.Object({
        id: Type.Integer(),
        cellKey: Type.Union([Type.String(), Type.Null()]),
        excerpt: Type.String(),
      }),
      Type.Null(),
    ]),
  },
  { title: 'Notification' },
);

export const NotificationListResponse = Type.Object({
  notifications: Type.Array(NotificationSchema),
  unread: Type.Integer(),
  seenAt: Type.Union([Type.String(), Type.Null()]),
});

export type AppNotification = Static<typeof NotificationSchema>;
export type NotificationList = Static<typeof NotificationListResponse>;
