import { useEffect, type RefObject } from 'react';

/** What takes part in the grid: the controls of the matrix, not those inside an open editor. */
const ITEM_SELECTOR = 'button, a[href], [tabindex]:not(.ProseMirror)';

function itemsOf(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(ITEM_SELECTOR)].filter(
    (el) => !el.closest('.cell-editor') && !(el as HTMLButtonElement).disabled && el.tagName !== 'INPUT',
  );
}

function cellOf(el: HTMLElement): HTMLTableCellElement | null {
  return el.closest('td, th');
}

/** The items of the next row (up or down) that has any, preferring the same column. */
function verticalTarget(items: HTMLElement[], from: HTMLElement, dir: -1 | 1): HTMLElement | null {
  const cell = cellOf(from);
  const row = cell?.parentElement as HTMLTableRowElement | null;
  if (!cell || !row) return null;
  const rows = [...new Set(items.map((el) => cellOf(el)?.parentElement as HTMLTableRowElement))];
  let index = rows.indexOf(row) + dir;
  for (; index >= 0 && index < rows.length; index += dir) {
    const inRow = items.filter((el) => cellOf(el)?.parentElement === rows[index]);
    const sameColumn = inRow.find((el) => cellOf(el)?.cellIndex === cell.cellIndex);
    if (sameColumn) return sameColumn;
  }
  return null;
}

/**
 * Makes the matrix one tab stop (roving tabindex): the last focused control keeps tabindex 0,
 * every other one -1; arrow keys move between them (left/right in a row, up/down in a column).
 */
export function useRovingGrid(rootRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let current: HTMLElement | null = null;

    const apply = () => {
      const items = itemsOf(root);
      if (!current || !root.contains(current) || !items.includes(current)) current = items[0] ?? null;
      for (const el of items) {
        const wanted = el === current ? '0' : '-1';
        if (el.getAttribute('tabindex') !== wanted) el.setAttribute('tabindex', wanted);
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as HTMLElement;
      if (itemsOf(root).includes(target) && target !== current) {
        current = target;
        apply();
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || !event.key.startsWith('Arrow')) return;
      const items = itemsOf(root);
      const index = items.indexOf(target);
      if (index < 0) return;
      let next: HTMLElement | null = null;
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        const candidate = items[index + (event.key === 'ArrowLeft' ? -1 : 1)];
        const sameRow = candidate && cellOf(candidate)?.parentElement === cellOf(target)?.parentElement;
        next = sameRow ? candidate : null;
      } else {
        next = verticalTarget(items, target, event.key === 'ArrowUp' ? -1 : 1);
      }
      if (!next) return;
      event.preventDefault();
      next.focus();
      next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    };

    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('keydown', onKeyDown);
    };
  }, [rootRef]);
}
