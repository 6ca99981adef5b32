import { describe, expect, it } from 'vitest';
import { GroupCommitter } from './group-commit.ts';
import type { PendingUpdate } from './document-store.ts';

const update = (n: number): PendingUpdate => ({ documentName: 'd', update: new Uint8Array([n]) });

describe('GroupCommitter', () => {
  it('commits updates that arrive in the same turn as one batch, in order', async () => {
    const batches: number[][] = [];
    const committer = new GroupCommitter(async (batch) => {
      batches.push(batch.map((u) => u.update[0]!));
    });
    await Promise.all([1, 2, 3].map((n) => committer.enqueue(update(n))));
    await committer.enqueue(update(4));
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('gathers updates that arrive while a batch is being written into the next batch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const committer = new GroupCommitter(async (batch) => {
      batches.push(batch.map((u) => u.update[0]!));
      if (batches.length === 1) await gate;
    });
    const first = committer.enqueue(update(1));
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4].map((n) => committer.enqueue(update(n)));
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('resolves in enqueue order', async () => {
    const committer = new GroupCommitter(async () => {});
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4, 5].map((n) => committer.enqueue(update(n)).then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it('retries a failing write and rejects the batch after the last attempt', async () => {
    let calls = 0;
    const flaky = new GroupCommitter(
      async () => {
        calls++;
        if (calls < 3) throw new Error('database busy');
      },
      { attempts: 5 },
    );
    await flaky.enqueue(update(1));
    expect(calls).toBe(3);

    const broken = new GroupCommitter(
      async () => {
        throw new Error('disk full');
      },
      { attempts: 2 },
    );
    await expect(broken.enqueue(update(1))).rejects.toThrow('disk full');
  });
});
