import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestIdFor } from './request-id.ts';

const withHeader = (value?: string | string[]) =>
  ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it('keeps a safe id the caller sent', () => {
    expect(requestIdFor(withHeader('lb-7f3a:42'))).toBe('lb-7f3a:42');
    expect(requestIdFor(withHeader('Root=1-5759e988-bd862e3fe1be46a994272793'))).toBe(
      'Root=1-5759e988-bd862e3fe1be46a994272793',
    );
  });

  it('makes one up when none was sent, or the one sent is too long or unsafe to log', () => {
    expect(requestIdFor(withHeader())).toMatch(UUID);
    expect(requestIdFor(withHeader(''))).toMatch(UUID);
    expect(requestIdFor(withHeader('x'.repeat(129)))).toMatch(UUID);
    expect(requestIdFor(withHeader('id with spaces'))).toMatch(UUID);
    expect(requestIdFor(withHeader('line\nbreak'))).toMatch(UUID);
    expect(requestIdFor(withHeader('<script>'))).toMatch(UUID);
  });

  it('takes the first of repeated headers', () => {
    expect(requestIdFor(withHeader(['first', 'second']))).toBe('first');
  });

  it('makes a different id for each request', () => {
    expect(requestIdFor(withHeader())).not.toBe(requestIdFor(withHeader()));
  });
});
