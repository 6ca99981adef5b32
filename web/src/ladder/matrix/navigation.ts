/**
 * Arrow-key movement between the editable cells of the matrix. Cells carry `data-nav-row` and
 * `data-nav-col`; the matrix root carries `data-matrix`.
 */
const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export function moveFocusFrom(element: HTMLElement, key: string): boolean {
  const move = MOVES[key];
  const row = Number(element.dataset.navRow);
  const col = Number(element.dataset.navCol);
  const root = element.closest('[data-matrix]');
  if (!move || !root || Number.isNaN(row) || Number.isNaN(col)) return false;
  const target = root.querySelector<HTMLElement>(
    `[data-nav-row="${row + move[0]}"][data-nav-col="${col + move[1]}"]`,
  );
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  return true;
}
