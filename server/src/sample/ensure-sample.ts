import type { FastifyInstance } from 'fastify';
import { LadderService } from '../ladders/ladder-service.ts';
import { sampleLadderContent } from './sample-ladder.ts';

/** Adds the sample ladder to an empty workspace (first run); leaves an existing one alone. */
export async function ensureSampleLadder(app: FastifyInstance): Promise<void> {
  const service = new LadderService(app.db, app.rooms);
  const existing = await service.list({ includeArchived: true });
  if (existing.length > 0) return;
  const content = sampleLadderContent();
  const ladder = await service.create({ title: content.title, track: content.track, content });
  app.log.info(`created the sample ladder at /ladders/${ladder.slug}`);
}
