import fs from 'node:fs';
import os from 'node:os';

/**
 * The machine is shared: other people's test runs would otherwise decide the tail. Raises the
 * scheduling priority of the bench and (through inheritance and `setPriority` on each child)
 * of every server alike. With the kernel's autogroup scheduling, nice values only order
 * processes within one session, so the session's autogroup is raised too, and put back after.
 * Returns what was done, for the report; does nothing where it is not permitted.
 */
export function raisePriority(nice: number): { applied: string; restore: () => void } {
  if (nice === 0) return { applied: 'none', restore: () => {} };
  const done: string[] = [];
  const undo: (() => void)[] = [];
  try {
    const before = os.getPriority();
    os.setPriority(nice);
    done.push(`nice ${nice}`);
    undo.push(() => os.setPriority(before));
  } catch {
    // not permitted: run at the inherited priority
  }
  try {
    const current = fs.readFileSync('/proc/self/autogroup', 'utf8'); // "/autogroup-123 nice 0"
    const before = Number(/nice (-?\d+)/.exec(current)?.[1] ?? 0);
    fs.writeFileSync('/proc/self/autogroup', String(nice));
    done.push(`autogroup nice ${nice}`);
    undo.push(() => fs.writeFileSync('/proc/self/autogroup', String(before)));
  } catch {
    // no autogroup scheduling here, or not permitted
  }
  return {
    applied: done.length ? done.join(', ') : 'none (not permitted)',
    restore: () => undo.reverse().forEach((f) => f()),
  };
}
