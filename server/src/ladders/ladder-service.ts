import { isUniqueViolation } from '../db/errors.ts';
import * as Y from 'yjs';
import {
  emptyLadderContent,
  newId,
  writeLadderContent,
  setLadderTitle,
  setLadderTrack,
  type LadderContent,
} from '@rungs/shared';
import type { Db } from '../db/connect.ts';
import type { RoomManager } from '../collab/room-manager.ts';
import { InvalidInputError, notFoundError } from '../domain-errors.ts';
import { slugify } from './slug.ts';
import {
  findLadderBySlug,
  insertLadder,
  lastLoggedUpdates,
  latestPublishedContents,
  listLadders,
  slugsLike,
  snapshotTimes,
  updateLadder,
  type LadderRow,
} from './ladder-store.ts';
import { insertProposal } from '../proposals/proposal-store.ts';
import { decideDocumentAccess, seesUnpublishedWork, toDocumentFacts } from '../auth/document-policy.ts';
import { listEditableDocumentFacts } from '../auth/document-facts-store.ts';
import type { SessionUser } from '../auth/roles.ts';
import { SYSTEM_ACTOR } from '../auth/system-actor.ts';

export interface LadderSummary {
  id: string;
  slug: string;
  title: string;
  track: string;
  archived: boolean;
  requiredApprovals: number;
  createdAt: string;
  updatedAt: string;
  /**
   * The live document of an editable proposal (the newest), or null when none is open or the
   * reader's role sees published versions only.
   */
  draftDocument: string | null;
}

export class LadderService {
  constructor(
    private readonly db: Db,
    private readonly rooms: RoomManager,
  ) {}

  /** The ladders `reader` may see, as their role may see them (see `summaries`). */
  async list(reader: SessionUser, options: { includeArchived?: boolean } = {}): Promise<LadderSummary[]> {
    const rows = await listLadders(this.db, { includeArchived: options.includeArchived ?? false });
    const summaries = await this.summaries(rows, reader);
    // Viewers may see other titles than the rows hold (the published ones): sort by what they see.
    if (!seesUnpublishedWork(reader)) summaries.sort((a, b) => a.title.localeCompare(b.title));
    return summaries;
  }

  async getBySlug(slug: string, reader: SessionUser): Promise<LadderSummary> {
    const row = await findLadderBySlug(this.db, slug);
    if (!row) throw notFoundError(`Ladder "${slug}"`);
    return (await this.summaries([row], reader))[0]!;
  }

  /** Creates the ladder row and its first proposal (document and initial state) at once. */
  async create(input: {
    title: string;
    track?: string;
    content?: LadderContent;
    /** Who starts it: the author of its first proposal (null: the system, e.g. the sample ladder). */
    authorId?: string | null;
    /** Whom the returned summary is for (default: Rungs itself, which sees everything). */
    reader?: SessionUser;
  }): Promise<LadderSummary> {
    const title = input.title.trim();
    if (!title) throw new InvalidInputError('invalid_title', 'A ladder needs a title.');
    const content: LadderContent = input.content
      ? { ...input.content, title, track: input.track ?? input.content.track }
      : emptyLadderContent(title, input.track ?? '');
    const doc = new Y.Doc();
    writeLadderContent(doc, content);
    const initialState = Y.encodeStateAsUpdate(doc);
    doc.destroy();

    const id = newId();
    const now = new Date().toISOString();
    // The free slug is picked before the insert: another ladder created meanwhile with the same
    // title can take it first (the unique index says so); then the next free one is taken.
    let slug = '';
    for (let attempt = 1; ; attempt++) {
      slug = await this.uniqueSlug(slugify(title));
      try {
        await this.db.transaction().execute(async (trx) => {
          await insertLadder(trx, {
            id,
            slug,
            title,
            track: content.track,
            archived_at: null,
            created_at: now,
            updated_at: now,
          });
          // Nothing is published yet: the ladder starts as its first proposal (#1, base version 0).
          await insertProposal(trx, {
            ladderId: id,
            title: 'First version',
            description: '',
            authorId: input.authorId ?? null,
            state: 'draft',
            baseVersion: 0,
            initialState,
          });
        });
        break;
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 20) throw err;
      }
    }
    return this.getBySlug(slug, input.reader ?? SYSTEM_ACTOR.user);
  }

  /**
   * Renames the ladder row at once (what editors see) and the open draft with it; viewers keep
   * seeing the published version's title until a version that changes it is published.
   */
  async update(
    slug: string,
    patch: { title?: string; track?: string },
    reader: SessionUser,
  ): Promise<LadderSummary> {
    const ladder = await this.getBySlug(slug, SYSTEM_ACTOR.user);
    const title = patch.title?.trim();
    if (patch.title !== undefined && !title)
      throw new InvalidInputError('invalid_title', 'A ladder needs a title.');
    // The draft first: if it became read-only meanwhile (published, closed), its group commit
    // refuses the change and nothing is renamed (409).
    if (ladder.draftDocument) {
      await this.rooms.change(ladder.draftDocument, (doc) => {
        if (title !== undefined) setLadderTitle(doc, title);
        if (patch.track !== undefined) setLadderTrack(doc, patch.track);
      });
    }
    await updateLadder(this.db, ladder.id, {
      ...(title !== undefined ? { title } : {}),
      ...(patch.track !== undefined ? { track: patch.track } : {}),
      updated_at: new Date().toISOString(),
    });
    return this.getBySlug(slug, reader);
  }

  async setArchived(slug: string, archived: boolean, reader: SessionUser): Promise<LadderSummary> {
    const ladder = await this.getBySlug(slug, SYSTEM_ACTOR.user);
    const now = new Date().toISOString();
    await updateLadder(this.db, ladder.id, { archived_at: archived ? now : null, updated_at: now });
    return this.getBySlug(slug, reader);
  }

  /**
   * Summaries as `reader` may see them. Whoever may see unpublished work gets the ladder row and
   * the live document of its newest editable proposal. Anyone else (viewers) gets what the latest
   * published version says: its title, track and date, and no live document; a ladder never
   * published shows the title and track it was created or renamed with, and nothing of its draft.
   */
  private async summaries(rows: LadderRow[], reader: SessionUser): Promise<LadderSummary[]> {
    const ids = rows.map((r) => r.id);
    if (!seesUnpublishedWork(reader)) {
      const published = await this.latestPublished(ids);
      return rows.map((row) => {
        const latest = published.get(row.id);
        if (!latest) return toSummary({ ...row, updated_at: row.created_at }, null);
        return toSummary({ ...row, ...latest }, null);
      });
    }
    const drafts = await this.draftDocuments(ids, reader);
    const edited = await this.lastEdits([...drafts.values()]);
    return rows.map((r) => {
      const draft = drafts.get(r.id) ?? null;
      const lastEdit = draft ? edited.get(draft) : undefined;
      // Editing the draft is an update of the ladder too: the list shows whichever came last.
      const updatedAt = lastEdit && lastEdit > r.updated_at ? lastEdit : r.updated_at;
      return toSummary({ ...r, updated_at: updatedAt }, draft);
    });
  }

  /**
   * Per live document, when it was last changed: its newest logged update, or, once the log was
   * compacted away, the time of that compaction (which follows the last edit closely).
   */
  private async lastEdits(documentNames: string[]): Promise<Map<string, string>> {
    if (documentNames.length === 0) return new Map();
    const [logged, compacted] = await Promise.all([
      lastLoggedUpdates(this.db, documentNames),
      snapshotTimes(this.db, documentNames),
    ]);
    const latest = new Map<string, string>();
    for (const { document_name, at } of [...compacted, ...logged]) {
      const previous = latest.get(document_name);
      if (at && (!previous || String(at) > previous)) latest.set(document_name, String(at));
    }
    return latest;
  }

  /** Per ladder, the title, track and date of its latest published version. */
  private async latestPublished(
    ladderIds: string[],
  ): Promise<Map<string, { title: string; track: string; updated_at: string }>> {
    if (ladderIds.length === 0) return new Map();
    const rows = await latestPublishedContents(this.db, ladderIds);
    return new Map(
      rows.map((r) => {
        const content = JSON.parse(r.content_json) as { title: string; track: string };
        return [r.ladder_id, { title: content.title, track: content.track, updated_at: r.created_at }];
      }),
    );
  }

  /** Per ladder, the newest editable live document that `reader` may open. */
  private async draftDocuments(ladderIds: string[], reader: SessionUser): Promise<Map<string, string>> {
    if (ladderIds.length === 0) return new Map();
    const docs = await listEditableDocumentFacts(this.db, ladderIds);
    const readable = docs.filter((d) => decideDocumentAccess(reader, toDocumentFacts(d)).read);
    return new Map(readable.map((d) => [d.ladder_id, d.name]));
  }

  private async uniqueSlug(base: string): Promise<string> {
    const taken = new Set(await slugsLike(this.db, base));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

function toSummary(row: LadderRow, draftDocument: string | null): LadderSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    track: row.track,
    archived: row.archived_at !== null,
    requiredApprovals: row.required_approvals,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    draftDocument,
  };
}
