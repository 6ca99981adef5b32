import { describe, expect, it } from 'vitest';
import { CloseCode, ProposalCloseCode } from '@rungs/shared/api/close-codes';
import { afterCloseAdvice, describeClose, RETRYABLE_AFTER_FIX } from './connection-status.ts';

describe('what a person reads about a closed connection', () => {
  it('shows reasons the server writes for people as they are', () => {
    const reason = 'You have 20 live documents open already. Close some tabs, then reload.';
    expect(describeClose(CloseCode.tooManyConnections, reason)).toBe(reason);
  });

  it('says how large a refused change was when the server could not say it', () => {
    expect(describeClose(CloseCode.messageTooBig, '', 3 * 1024 * 1024)).toBe(
      'Your last change is too large to save (3.0 MB). Undo it or split the text.',
    );
  });

  it('puts the meaning of a known code before the server reason', () => {
    expect(describeClose(CloseCode.serverError, 'database down')).toBe(
      'The server hit an error. (database down)',
    );
  });

  it('names the code of one it does not know', () => {
    expect(describeClose(4999, '')).toBe('Connection closed (code 4999).');
  });

  it('offers Reconnect only for what the person can fix without reloading', () => {
    expect(afterCloseAdvice(CloseCode.tooManyConnections)).toBe('Then press Reconnect.');
    expect(afterCloseAdvice(CloseCode.ladderTooLarge)).toContain('reload the page');
    expect([...RETRYABLE_AFTER_FIX]).toEqual([CloseCode.tooManyConnections]);
  });

  it('keeps proposal state changes out of the codes y-websocket treats as final (44xx)', () => {
    for (const code of Object.values(ProposalCloseCode)) expect(code >= 4400 && code < 4500).toBe(false);
    expect(CloseCode.becameReadOnly).toBe(ProposalCloseCode.becameReadOnly);
  });
});
