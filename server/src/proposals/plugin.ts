import fp from 'fastify-plugin';
import { ProposalService } from './proposal-service.ts';
import { VersionService } from '../versions/version-service.ts';
import { CommentService } from '../reviews/comment-service.ts';
import { NotificationService } from '../notifications/notification-service.ts';
import { NotificationSignals } from '../notifications/notification-signals.ts';

declare module 'fastify' {
  interface FastifyInstance {
    proposals: ProposalService;
    versions: VersionService;
    proposalComments: CommentService;
    notifications: NotificationService;
    notificationSignals: NotificationSignals;
  }
}

/** Proposals, review, the published version history and notifications. */
export default fp(
  async (app) => {
    app.decorate('proposals', new ProposalService(app.db, app.rooms, app.log));
    app.decorate('versions', new VersionService(app.db));
    app.decorate('proposalComments', new CommentService(app.db));
    app.decorate('notifications', new NotificationService(app.db, app.rooms));
    const signals = new NotificationSignals(() => app.rooms.publishNotificationsChanged());
    app.rooms.events.notificationsChanged = () => signals.emitLocal();
    app.decorate('notificationSignals', signals);
    app.addHook('onClose', async () => signals.close());
  },
  { name: 'proposals', dependencies: ['database', 'collab'] },
);
