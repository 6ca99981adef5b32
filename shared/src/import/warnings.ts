import type { ImportWarning } from './types.ts';

/** Collects import warnings, once each. */
export class Warnings {
  private readonly list: ImportWarning[] = [];
  private readonly seen = new Set<string>();

  add(code: string, message: string, line?: number): void {
    const key = `${code}\u0000${message}\u0000${line ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(line === undefined ? { code, message } : { code, message, line });
  }

  toArray(): ImportWarning[] {
    return [...this.list];
  }
}
