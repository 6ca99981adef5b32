import { cellKey as keyOf } from '../domain.ts';
import type { CellExtras } from '../ladder/matrix/cell-extras.tsx';
import { useComments } from './comments-context.tsx';

function CommentIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" fill="none" aria-hidden="true" focusable="false">
      <path
        d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The comment badge of one cell: how many threads it has (open ones stand out); a quiet "comment"
 * button on cells without any, for those who may comment. Opens the cell's thread in the side panel.
 */
export function CellCommentButton({ cellKey, label }: { cellKey: string; label: string }) {
  const comments = useComments();
  if (!comments) return null;
  const threads = comments.byCell.get(cellKey) ?? [];
  const open = threads.filter((t) => !t.resolvedAt).length;
  const active = comments.activeCell?.key === cellKey;
  if (threads.length === 0 && !comments.canComment) return null;
  const text =
    threads.length === 0
      ? `Comment on ${label}`
      : `${threads.length} comment thread${threads.length === 1 ? '' : 's'} on ${label}${
          open < threads.length ? ` (${open} open)` : ''
        }`;
  return (
    <button
      type="button"
      className={`cell-comment ${threads.length ? 'has-threads' : 'is-empty'} ${open ? 'has-open' : ''} ${
        active ? 'is-active' : ''
      }`}
      aria-label={text}
      title={text}
      aria-pressed={active}
      data-cell-comment={cellKey}
      onClick={(e) => {
        e.stopPropagation();
        if (active) comments.closeCell();
        else comments.openCell({ key: cellKey, label });
      }}
    >
      <CommentIcon />
      {threads.length > 0 && <span className="cell-comment-count">{threads.length}</span>}
    </button>
  );
}

/** Cell extras for matrices of a proposal: its comment badge. */
export const commentExtras: CellExtras = (levelId, competencyId, label) => (
  <CellCommentButton cellKey={keyOf(levelId, competencyId)} label={label} />
);
