import {
  contentFromTemplate,
  findLadderTemplate,
  LADDER_TEMPLATES,
  withFreshIds,
} from '@rungs/shared/templates/index';
import { validateLadderContent, type LadderContent } from '@rungs/shared';
import type { LadderSource } from '@rungs/shared/api/ladders';
import { roleAllows, type SessionUser } from '../auth/roles.ts';
import type { Db } from '../db/connect.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors.ts';
import { getVersion, latestVersion, latestVersionNumber } from '../versions/version-store.ts';
import { findLadderBySlug } from './ladder-store.ts';

/** What a new ladder may start from; none of them is a blank ladder. */
export interface StartingPoint {
  content?: LadderContent;
  template?: string;
  fromLadder?: LadderSource;
}

/** The content a new ladder starts with (undefined: blank), or a refusal that says what to do. */
export async function startingContent(
  db: Db,
  start: StartingPoint,
  reader: SessionUser,
): Promise<LadderContent | undefined> {
  const chosen = (['content', 'template', 'fromLadder'] as const).filter((k) => start[k] !== undefined);
  if (chosen.length > 1) {
    throw new InvalidInputError(
      'conflicting_starting_points',
      `Choose one starting point for the new ladder, not ${chosen.join(' and ')}.`,
    );
  }
  if (start.content) return validateLadderContent(start.content);
  if (start.template !== undefined) return templateContent(start.template);
  if (start.fromLadder) return publishedCopy(db, start.fromLadder, reader);
  return undefined;
}

function templateContent(id: string): LadderContent | undefined {
  const template = findLadderTemplate(id);
  if (!template) {
    const ids = LADDER_TEMPLATES.map((t) => `"${t.id}"`).join(', ');
    throw new InvalidInputError(
      'unknown_template',
      `There is no ladder template "${id}". Choose one of ${ids} (GET /api/ladder-templates lists them).`,
    );
  }
  return template.id === 'blank' ? undefined : contentFromTemplate(template);
}

/** A published version of another ladder (never its unpublished draft), with ids of its own. */
async function publishedCopy(db: Db, source: LadderSource, reader: SessionUser): Promise<LadderContent> {
  // Published versions are what every signed-in role may read; drafts are not copied at all.
  if (!roleAllows(reader.role, 'readPublished')) {
    throw new ForbiddenError('forbidden', 'You may not read published ladders, so you cannot copy one.');
  }
  const ladder = await findLadderBySlug(db, source.slug);
  if (!ladder) {
    throw new NotFoundError(
      'not_found',
      `There is no ladder "${source.slug}" to copy. Pick a ladder from the list of ladders.`,
    );
  }
  const row =
    source.version === undefined
      ? await latestVersion(db, ladder.id)
      : await getVersion(db, ladder.id, source.version);
  if (!row) {
    const latest = await latestVersionNumber(db, ladder.id);
    if (latest === 0) {
      throw new ConflictError(
        'not_published',
        `“${ladder.title}” has never been published, so there is no version to copy. Publish its first version, or start from a template instead.`,
      );
    }
    throw new NotFoundError(
      'not_found',
      `“${ladder.title}” has no version ${source.version}: its versions are 1 to ${latest}.`,
    );
  }
  return withFreshIds(validateLadderContent(JSON.parse(row.content_json)));
}
