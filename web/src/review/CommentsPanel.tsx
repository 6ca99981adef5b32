import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import {
  createComment,
  deleteComment,
  editComment,
  setThreadResolved,
  type Comment,
  type Thread,
} from '../api/comments.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { fullDate, timeAgo } from '../ladders/format.ts';
import { useComments } from './comments-context.tsx';
import { canAdminister } from '../proposals/roles.ts';

function Composer({
  label,
  submitLabel,
  busyLabel = 'Sending…',
  hint = 'Ctrl+Enter to send',
  initialBody = '',
  autoFocus,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  busyLabel?: string;
  hint?: string;
  /** The text to start from (editing a comment); empty for a new one. */
  initialBody?: string;
  autoFocus?: boolean;
  onSubmit(body: string): Promise<void>;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initialBody);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const textarea = ref.current;
    if (!autoFocus || !textarea) return;
    textarea.focus();
    // Editing: the caret goes after the text, where one usually adds to it.
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, [autoFocus, label]);

  async function submit() {
    if (!body.trim()) {
      setError('Write something first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body.trim());
      setBody('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <textarea
        ref={ref}
        className="textarea"
        aria-label={label}
        placeholder={`${label}…`}
        rows={3}
        maxLength={20_000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer-actions">
        <span className="muted small">{hint}</span>
        {onCancel && (
          <button type="button" className="button subtle" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}

function CommentBody({
  comment,
  canEdit,
  canDelete,
  onEdit,
  onDelete,
}: {
  comment: Comment;
  /** Only its author edits a comment (the server enforces it). */
  canEdit: boolean;
  canDelete: boolean;
  /** Saves the new text; resolves once the thread shows it. */
  onEdit(body: string): Promise<void>;
  onDelete(): void;
}) {
  const [editing, setEditing] = useState(false);
  const live = !comment.deleted;
  return (
    <div className={`comment ${editing ? 'is-editing' : ''}`} data-comment-id={comment.id}>
      <div className="comment-head small">
        <strong>{comment.author.name}</strong>
        <time className="muted" dateTime={comment.createdAt} title={fullDate(comment.createdAt)}>
          {timeAgo(comment.createdAt)}
        </time>
        {comment.editedAt && (
          <span className="muted" title={`Edited ${fullDate(comment.editedAt)}`}>
            (edited)
          </span>
        )}
        {live && !editing && (canEdit || canDelete) && (
          <span className="comment-tools">
            {canEdit && (
              <button type="button" className="link-button small" onClick={() => setEditing(true)}>
                Edit<span className="visually-hidden"> your comment</span>
              </button>
            )}
            {canDelete && (
              <button type="button" className="link-button small comment-delete" onClick={onDelete}>
                Delete<span className="visually-hidden"> comment by {comment.author.name}</span>
              </button>
            )}
          </span>
        )}
      </div>
      {!live ? (
        <p className="comment-text comment-deleted muted">Comment deleted</p>
      ) : editing ? (
        <Composer
          label="Edit your comment"
          submitLabel="Save"
          busyLabel="Saving…"
          hint="Ctrl+Enter to save, Esc to cancel"
          initialBody={comment.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            if (body !== comment.body) await onEdit(body);
            setEditing(false);
          }}
        />
      ) : (
        <p className="comment-text">{comment.body}</p>
      )}
    </div>
  );
}

function ThreadView({
  thread,
  slug,
  number,
  cellLabel,
  onChanged,
}: {
  thread: Thread;
  slug: string;
  number: number;
  cellLabel?: string;
  onChanged(): Promise<void>;
}) {
  const comments = useComments();
  const { user } = useAuth();
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canComment = comments?.canComment ?? false;
  const resolved = !!thread.resolvedAt;
  // A thread whose first comment was deleted is read-only: the server refuses replies and resolving.
  const canAct = canComment && !thread.deleted;

  async function act(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const canDelete = (c: Comment) => canComment && (c.author.id === user.id || canAdminister(user.role));
  const canEdit = (c: Comment) => canComment && c.author.id === user.id;
  const edit = async (id: number, body: string) => {
    await editComment(slug, number, id, body);
    await onChanged();
  };

  return (
    <li
      className={`thread ${resolved ? 'is-resolved' : ''}`}
      data-thread-id={thread.id}
      data-cell-key={thread.cellKey ?? undefined}
    >
      {thread.cellKey && cellLabel && comments && (
        <button
          type="button"
          className="thread-cell link-button small"
          onClick={() => comments.openCell({ key: thread.cellKey!, label: cellLabel })}
        >
          On {cellLabel}
        </button>
      )}
      <CommentBody
        comment={thread}
        canEdit={canEdit(thread)}
        canDelete={canDelete(thread)}
        onEdit={(body) => edit(thread.id, body)}
        onDelete={() => void act(() => deleteComment(slug, number, thread.id))}
      />
      {thread.replies.length > 0 && (
        <ul className="replies">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentBody
                comment={reply}
                canEdit={canEdit(reply)}
                canDelete={canDelete(reply)}
                onEdit={(body) => edit(reply.id, body)}
                onDelete={() => void act(() => deleteComment(slug, number, reply.id))}
              />
            </li>
          ))}
        </ul>
      )}
      {resolved && (
        <p className="small muted thread-resolved">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {canAct && (
        <div className="thread-actions">
          {!replying && !resolved && (
            <button type="button" className="button subtle small-button" onClick={() => setReplying(true)}>
              Reply
            </button>
          )}
          <button
            type="button"
            className="button subtle small-button"
            onClick={() => void act(() => setThreadResolved(slug, number, thread.id, !resolved))}
          >
            {resolved ? 'Reopen' : 'Resolve'}
            <span className="visually-hidden"> thread by {thread.author.name}</span>
          </button>
        </div>
      )}
      {replying && canAct && (
        <Composer
          label={`Reply to ${thread.author.name}`}
          submitLabel="Reply"
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            await createComment(slug, number, { body, parentId: thread.id });
            setReplying(false);
            await onChanged();
          }}
        />
      )}
    </li>
  );
}

/**
 * Comments of a proposal in its side panel: every thread (on the proposal or on a cell), or only
 * the threads of the cell whose badge was clicked; reply, resolve, reopen; a new comment.
 */
export function CommentsPanel({
  slug,
  number,
  cellLabel,
  onChanged,
  error,
}: {
  slug: string;
  number: number;
  /** Names a cell by its key ("Delivery at IC3"), from the proposal's content. */
  cellLabel(key: string): string;
  /** Reload the threads (and tell the others); resolves once shown. */
  onChanged(): Promise<void>;
  error?: string | null;
}) {
  const comments = useComments();
  const [showResolved, setShowResolved] = useState(false);
  if (!comments) return null;
  const { activeCell, canComment } = comments;
  const threads = activeCell
    ? comments.threads.filter((t) => t.cellKey === activeCell.key)
    : comments.threads;
  const open = threads.filter((t) => !t.resolvedAt);
  const resolved = threads.filter((t) => t.resolvedAt);
  const shown = showResolved || activeCell ? [...open, ...resolved] : open;

  return (
    <section
      className="panel-section comments-panel"
      aria-labelledby="comments-title"
      data-active-cell={activeCell?.key}
    >
      <div className="panel-section-head">
        <h2 id="comments-title">{activeCell ? `Comments on ${activeCell.label}` : 'Comments'}</h2>
        {activeCell && (
          <button type="button" className="link-button small" onClick={comments.closeCell}>
            All comments
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          Could not load the comments: {error}
        </p>
      )}
      {threads.length === 0 && (
        <p className="muted small">
          {activeCell
            ? 'No comments on this cell yet.'
            : canComment
              ? 'No comments yet. Comment on the proposal below, or on a cell with its comment button.'
              : 'No comments yet.'}
        </p>
      )}
      {shown.length > 0 && (
        <ul
          className="threads"
          aria-label={activeCell ? `Threads on ${activeCell.label}` : 'Comment threads'}
        >
          {shown.map((t) => (
            <ThreadView
              key={t.id}
              thread={t}
              slug={slug}
              number={number}
              cellLabel={t.cellKey && !activeCell ? cellLabel(t.cellKey) : undefined}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {!activeCell && resolved.length > 0 && (
        <button type="button" className="link-button small" onClick={() => setShowResolved((s) => !s)}>
          {showResolved
            ? 'Hide resolved threads'
            : `Show ${resolved.length} resolved thread${resolved.length === 1 ? '' : 's'}`}
        </button>
      )}
      {canComment && (
        <Composer
          key={activeCell?.key ?? 'proposal'}
          label={activeCell ? `Comment on ${activeCell.label}` : 'Comment on this proposal'}
          submitLabel="Comment"
          autoFocus={!!activeCell}
          onSubmit={async (body) => {
            await createComment(slug, number, { body, cellKey: activeCell?.key ?? null });
            await onChanged();
          }}
        />
      )}
    </section>
  );
}
