import { CELL_KEY_PATTERN } from '@rungs/shared/api/comment-keys';
import type { Db } from '../db/connect.ts';
import type { Actor } from '../auth/user-service.ts';
import { ConflictError, ForbiddenError, InvalidInputError, notFoundError } from '../domain-errors.ts';
import type { ProposalRow } from '../proposals/proposal-store.ts';
import { refOf, userRefs, type UserRef } from '../auth/user-ref-store.ts';
import {
  findComment,
  insertComment,
  listComments,
  markCommentDeleted,
  setCommentBody,
  setThreadResolution,
  type CommentRow,
} from './comment-store.ts';

export interface CommentView {
  id: number;
  /** The thread this reply belongs to; null for the first comment of a thread. */
  parentId: number | null;
  /** `levelId:competencyId` when the comment is about one cell; null for the whole proposal. */
  cellKey: string | null;
  author: UserRef;
  /** Empty once deleted (the thread stays readable). */
  body: string;
  deleted: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Threads (first comments) only. */
  resolvedAt: string | null;
  resolvedBy: UserRef | null;
}

export interface ThreadView extends CommentView {
  replies: CommentView[];
}

const CELL_KEY = new RegExp(CELL_KEY_PATTERN);

/** Threaded comments on a proposal or on one of its cells; threads are resolvable. */
export class CommentService {
  constructor(private readonly db: Db) {}

  async threads(proposal: ProposalRow, filter: { cellKey?: string } = {}): Promise<ThreadView[]> {
    const rows = await listComments(this.db, proposal.id, filter);
    const refs = await userRefs(
      this.db,
      rows.flatMap((r) => [r.author_id, r.resolved_by]),
    );
    const threads = new Map<number, ThreadView>();
    for (const row of rows) {
      if (row.parent_id === null) threads.set(row.id, { ...toView(row, refs), replies: [] });
    }
    for (const row of rows) {
      if (row.parent_id !== null) threads.get(row.parent_id)?.replies.push(toView(row, refs));
    }
    // A deleted first comment is kept only while some reply is still there to read.
    return [...threads.values()].filter((t) => !t.deleted || t.replies.some((r) => !r.deleted));
  }

  async create(
    proposal: ProposalRow,
    actor: Actor,
    input: { body: string; cellKey?: string | null; parentId?: number | null },
  ): Promise<CommentView> {
    const body = requireBody(input.body);
    let parentId: number | null = null;
    let cellKey = input.cellKey ?? null;
    if (input.parentId != null) {
      const parent = await this.row(proposal, input.parentId);
      // Replies join the thread of what they answer: threads are one level deep.
      parentId = parent.parent_id ?? parent.id;
      const root = parentId === parent.id ? parent : await this.row(proposal, parentId);
      if (root.deleted_at || parent.deleted_at) {
        throw new ConflictError(
          'comment_deleted',
          'The comment you are replying to was deleted, so the thread takes no more replies; write a new comment instead.',
        );
      }
      cellKey = root.cell_key;
    } else if (cellKey !== null && !CELL_KEY.test(cellKey)) {
      throw new InvalidInputError('invalid_cell', 'A cell is named "levelId:competencyId".');
    }
    const id = await insertComment(this.db, {
      proposal_id: proposal.id,
      parent_id: parentId,
      cell_key: cellKey,
      author_id: actor.user.id,
      body,
      created_at: new Date().toISOString(),
    });
    return this.one(proposal, id);
  }

  async edit(proposal: ProposalRow, id: number, actor: Actor, body: string): Promise<CommentView> {
    const row = await this.row(proposal, id);
    if (row.author_id !== actor.user.id)
      throw new ForbiddenError('not_author', 'Only its author can edit a comment.');
    if (row.deleted_at) throw new ConflictError('deleted', 'This comment was deleted.');
    await setCommentBody(this.db, id, requireBody(body), new Date().toISOString());
    return this.one(proposal, id);
  }

  async remove(proposal: ProposalRow, id: number, actor: Actor): Promise<void> {
    const row = await this.row(proposal, id);
    if (row.author_id !== actor.user.id && actor.user.role !== 'admin') {
      throw new ForbiddenError('not_author', 'Only its author or an admin can delete a comment.');
    }
    if (row.deleted_at) return;
    await markCommentDeleted(this.db, id, new Date().toISOString());
  }

  /** Resolves (or reopens) the thread `id` belongs to. */
  async setResolved(
    proposal: ProposalRow,
    id: number,
    actor: Actor,
    resolved: boolean,
  ): Promise<CommentView> {
    const row = await this.row(proposal, id);
    const rootId = row.parent_id ?? row.id;
    const root = rootId === row.id ? row : await this.row(proposal, rootId);
    if (root.deleted_at) {
      throw new ConflictError(
        'comment_deleted',
        `This thread's first comment was deleted, so it cannot be ${resolved ? 'resolved' : 'reopened'}; write a new comment instead.`,
      );
    }
    await setThreadResolution(
      this.db,
      rootId,
      resolved ? { at: new Date().toISOString(), by: actor.user.id } : null,
    );
    return this.one(proposal, rootId);
  }

  private async row(proposal: ProposalRow, id: number): Promise<CommentRow> {
    const row = await findComment(this.db, proposal.id, id);
    if (!row) throw notFoundError(`Comment ${id}`);
    return row;
  }

  private async one(proposal: ProposalRow, id: number): Promise<CommentView> {
    const row = await this.row(proposal, id);
    const refs = await userRefs(this.db, [row.author_id, row.resolved_by]);
    return toView(row, refs);
  }
}

function requireBody(body: string): string {
  const b = body.trim();
  if (!b) throw new InvalidInputError('empty_comment', 'Write something before posting a comment.');
  return b;
}

function toView(row: CommentRow, refs: Map<string, UserRef>): CommentView {
  return {
    id: row.id,
    parentId: row.parent_id,
    cellKey: row.cell_key,
    author: refOf(refs, row.author_id)!,
    body: row.deleted_at ? '' : row.body,
    deleted: row.deleted_at !== null,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    resolvedAt: row.resolved_at,
    resolvedBy: refOf(refs, row.resolved_by),
  };
}
