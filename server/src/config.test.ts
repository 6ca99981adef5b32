import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('operations config', () => {
  it('serves no metrics and drains at once by default', () => {
    expect(loadConfig({}).ops).toEqual({
      metricsToken: null,
      metricsPort: null,
      readyTimeoutMs: 2000,
      shutdownGraceMs: 0,
      shutdownTimeoutMs: 30_000,
    });
  });

  it('reads the metrics token and port, the probe timeout and the shutdown timings', () => {
    const ops = loadConfig({
      METRICS_TOKEN: 'a'.repeat(32),
      METRICS_PORT: '9464',
      RUNGS_READY_TIMEOUT_MS: '500',
      SHUTDOWN_GRACE_MS: '5000',
      SHUTDOWN_TIMEOUT_MS: '60000',
    }).ops;
    expect(ops).toEqual({
      metricsToken: 'a'.repeat(32),
      metricsPort: 9464,
      readyTimeoutMs: 500,
      shutdownGraceMs: 5000,
      shutdownTimeoutMs: 60_000,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ METRICS_TOKEN: '', METRICS_PORT: '' }).ops).toMatchObject({
      metricsToken: null,
      metricsPort: null,
    });
  });

  it.each([
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 16 characters/],
    [{ METRICS_TOKEN: 'with a space in the middle' }, /without spaces/],
    [{ METRICS_PORT: '70000' }, /METRICS_PORT must be a port between 1 and 65535/],
    [{ METRICS_PORT: 'nine' }, /METRICS_PORT must be a non-negative integer/],
    [{ METRICS_PORT: '3000' }, /METRICS_PORT must differ from PORT \(3000\)/],
    [{ SHUTDOWN_GRACE_MS: '30000' }, /SHUTDOWN_TIMEOUT_MS \(30000\) must be longer than SHUTDOWN_GRACE_MS/],
    [{ SHUTDOWN_TIMEOUT_MS: '-1' }, /SHUTDOWN_TIMEOUT_MS must be a non-negative integer/],
  ])('refuses %o with a message that says what to set', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
