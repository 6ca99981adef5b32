import type { FastifyInstance } from 'fastify';
import { LadderService } from '../ladders/ladder-service.ts';
import { updateLadder } from '../ladders/ladder-store.ts';
import { SYSTEM_ACTOR } from '../auth/system-actor.ts';
import { sampleLadderContent } from './sample-ladder.ts';

/**
 * Adds the sample ladder to an empty workspace (first run) and publishes it as version 1, so the
 * Published view, History and "New proposal" all have something to show. Leaves an existing
 * workspace alone.
 */
export async function ensureSampleLadder(app: FastifyInstance): Promise<void> {
  const service = new LadderService(app.db, app.rooms);
  const existing = await service.list(SYSTEM_ACTOR.user, { includeArchived: true });
  if (existing.length > 0) return;
  const content = sampleLadderContent();
  const ladder = await service.create({ title: content.title, track: content.track, content });
  // Version 1 of the sample needs no review: nobody exists yet to give one.
  await updateLadder(app.db, ladder.id, { required_approvals: 0 });
  try {
    await app.proposals.open(ladder.slug, 1, SYSTEM_ACTOR);
    await app.proposals.merge(ladder.slug, 1, SYSTEM_ACTOR);
  } finally {
    await updateLadder(app.db, ladder.id, { required_approvals: 1 });
  }
  app.log.info(`created the sample ladder at /ladders/${ladder.slug} (version 1)`);
}
