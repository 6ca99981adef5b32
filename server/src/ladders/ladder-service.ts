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
import { HttpError, notFound } from '../plugins/errors.ts';
import { slugify } from './slug.ts';
import { insertProposal } from '../proposals/proposal-store.ts';

export interface LadderSummary {
  id: string;
  slug: string;
  title: string;
  track: string;
  archived: boolean;
  requiredApprovals: number;
  createdAt: string;
  updatedAt: string;
  /** The live document of an editable proposal (the newest), or null when none is open. */
  draftDocument: string | null;
}

type LadderRow = {
  id: string;
  slug: string;
  title: string;
  track: string;
  archived_at: string | null;
  required_approvals: number;
  created_at: string;
  updated_at: string;
};

export class LadderService {
  constructor(
    private readonly db: Db,
    private readonly rooms: RoomManager,
  ) {}

  async list(options: { includeArchived?: boolean } = {}): Promise<LadderSummary[]> {
    let query = this.db.selectFrom('ladders').selectAll().orderBy('title');
    if (!options.includeArchived) query = query.where('archived_at', 'is', null);
    const rows = await query.execute();
    const drafts = await this.draftDocuments(rows.map((r) => r.id));
    return rows.map((r) => toSummary(r, drafts.get(r.id) ?? null));
  }

  async getBySlug(slug: string): Promise<LadderSummary> {
    const row = await this.db.selectFrom('ladders').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!row) throw notFound(`Ladder "${slug}"`);
    const drafts = await this.draftDocuments([row.id]);
    return toSummary(row, drafts.get(row.id) ?? null);
  }

  /** Creates the ladder row and its first proposal (document and initial state) at once. */
  async create(input: {
    title: string;
    track?: string;
    content?: LadderContent;
    /** Who starts it: the author of its first proposal (null: the system, e.g. the sample ladder). */
    authorId?: string | null;
  }): Promise<LadderSummary> {
    const title = input.title.trim();
    if (!title) throw new HttpError(400, 'invalid_title', 'A ladder needs a title.');
    const content: LadderContent = input.content
      ? { ...input.content, title, track: input.track ?? input.content.track }
      : emptyLadderContent(title, input.track ?? '');
    const doc = new Y.Doc();
    writeLadderContent(doc, content);
    const initialState = Y.encodeStateAsUpdate(doc);
    doc.destroy();

    const id = newId();
    const now = new Date().toISOString();
    const slug = await this.uniqueSlug(slugify(title));
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('ladders')
        .values({
          id,
          slug,
          title,
          track: content.track,
          archived_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
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
    return this.getBySlug(slug);
  }

  async update(slug: string, patch: { title?: string; track?: string }): Promise<LadderSummary> {
    const ladder = await this.getBySlug(slug);
    const title = patch.title?.trim();
    if (patch.title !== undefined && !title)
      throw new HttpError(400, 'invalid_title', 'A ladder needs a title.');
    await this.db
      .updateTable('ladders')
      .set({
        ...(title !== undefined ? { title } : {}),
        ...(patch.track !== undefined ? { track: patch.track } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', ladder.id)
      .execute();
    if (ladder.draftDocument) {
      await this.rooms.change(ladder.draftDocument, (doc) => {
        if (title !== undefined) setLadderTitle(doc, title);
        if (patch.track !== undefined) setLadderTrack(doc, patch.track);
      });
    }
    return this.getBySlug(slug);
  }

  async setArchived(slug: string, archived: boolean): Promise<LadderSummary> {
    const ladder = await this.getBySlug(slug);
    const now = new Date().toISOString();
    await this.db
      .updateTable('ladders')
      .set({ archived_at: archived ? now : null, updated_at: now })
      .where('id', '=', ladder.id)
      .execute();
    return this.getBySlug(slug);
  }

  private async draftDocuments(ladderIds: string[]): Promise<Map<string, string>> {
    if (ladderIds.length === 0) return new Map();
    const docs = await this.db
      .selectFrom('documents')
      .select(['name', 'ladder_id'])
      .where('ladder_id', 'in', ladderIds)
      .where('kind', 'in', ['draft', 'proposal'])
      .where('read_only', '=', 0)
      .orderBy('created_at')
      .execute();
    return new Map(docs.map((d) => [d.ladder_id, d.name]));
  }

  private async uniqueSlug(base: string): Promise<string> {
    const taken = new Set(
      (
        await this.db
          .selectFrom('ladders')
          .select('slug')
          .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
          .execute()
      ).map((r) => r.slug),
    );
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
