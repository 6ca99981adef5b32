/** Polls `condition` until it is truthy; never a fixed sleep. Fails with `message` after `timeoutMs`. */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  {
    timeoutMs = 15_000,
    intervalMs = 10,
    message = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${message}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
