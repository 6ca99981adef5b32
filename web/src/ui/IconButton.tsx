import type { ReactNode } from 'react';

/** A small square button whose meaning is carried by its accessible label (and tooltip). */
export function IconButton({
  label,
  onClick,
  disabled,
  danger,
  action,
  rowId,
  children,
}: {
  label: string;
  onClick(): void;
  disabled?: boolean;
  danger?: boolean;
  /** Stable hooks to find the button again after the row moved (focus restoration). */
  action?: string;
  rowId?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`icon-button ${danger ? 'danger' : ''}`}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      data-action={action}
      data-row-id={rowId}
    >
      {children}
    </button>
  );
}

/** After a row moved, put focus back on its move button (or the opposite one at the edge). */
export function refocusAction(rowId: string, action: string, fallback: string): void {
  requestAnimationFrame(() => {
    const find = (a: string) =>
      document.querySelector<HTMLButtonElement>(`[data-row-id="${CSS.escape(rowId)}"][data-action="${a}"]`);
    const target = find(action);
    (target && !target.disabled ? target : find(fallback))?.focus();
  });
}
