/**
 * `public/prefetch.js` asks for the first page's API reads before the bundle runs; the app takes
 * each answer once. The two must spell the same paths, or the prefetch is wasted work.
 */
import fs from 'node:fs';
import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getLadder } from './ladders.ts';
import { getProposal } from './proposals.ts';
import { getSession, signIn } from './session.ts';
import { listVersions } from './versions.ts';
import { takePrefetched } from './prefetched.ts';

const SCRIPT = fs.readFileSync(new URL('../../public/prefetch.js', import.meta.url), 'utf8');

function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

/** Runs the script as the page at `pathname` would; returns what it fetched and what it left for the app. */
function runPrefetch(
  pathname: string,
  fetchImpl: (url: string) => Promise<Response> = async () => jsonResponse({}),
) {
  const fetched: string[] = [];
  const window: Record<string, unknown> = {};
  vm.runInNewContext(SCRIPT, {
    window,
    location: { pathname },
    fetch: (url: string) => {
      fetched.push(url);
      return fetchImpl(url);
    },
  });
  return {
    fetched,
    state: window.__rungsFirstReads as { reads: Record<string, Promise<Response>>; startedAt: number },
  };
}

/** The paths the app's own API functions request. */
async function requestedBy(call: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    seen.push(url);
    return jsonResponse({ ladder: {}, versions: [], proposal: {} });
  });
  await call();
  vi.unstubAllGlobals();
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as { __rungsFirstReads?: unknown }).__rungsFirstReads;
});

describe('prefetch.js', () => {
  it('reads the session on every page, and nothing else off the ladder pages', () => {
    for (const page of ['/', '/import', '/admin/users', '/ladders', '/ladders/', '/invitations/abc'])
      expect(runPrefetch(page).fetched).toEqual(['/api/session']);
  });

  it('reads a ladder page with exactly the paths the app requests', async () => {
    const slug = 'platform eng/ü';
    const page = `/ladders/${encodeURIComponent(slug)}/history`;
    const { fetched } = runPrefetch(page);
    const app = [
      ...(await requestedBy(() => getSession())),
      ...(await requestedBy(() => getLadder(slug))),
      ...(await requestedBy(() => listVersions(slug))),
    ];
    expect(fetched).toEqual(app);
  });

  it('reads a proposal page (any of its tabs) with the path the app requests', async () => {
    for (const tab of ['', '/', '/changes', '/preview']) {
      const { fetched } = runPrefetch(`/ladders/backend/proposals/12${tab}`);
      const app = [
        ...(await requestedBy(() => getSession())),
        ...(await requestedBy(() => getProposal('backend', 12))),
      ];
      expect(fetched).toEqual(app);
    }
  });

  it('asks for nothing it would have to guess: a malformed slug or proposal number', () => {
    expect(runPrefetch('/ladders/%E0%A4%A/levels').fetched).toEqual(['/api/session']);
    expect(runPrefetch('/ladders/backend/proposals/0').fetched).toEqual([
      '/api/session',
      '/api/ladders/backend',
      '/api/ladders/backend/versions',
    ]);
    expect(runPrefetch('/ladders/backend/proposals/x1').fetched).toContain('/api/ladders/backend');
  });

  it('leaves no unhandled rejection when a read fails and nobody asks for it', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      runPrefetch('/ladders/backend', async () => {
        throw new TypeError('offline');
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('the app taking prefetched answers', () => {
  function install(pathname: string, answer: (url: string) => unknown) {
    const { state } = runPrefetch(pathname, async (url) => jsonResponse(answer(url)));
    (globalThis as { __rungsFirstReads?: unknown }).__rungsFirstReads = state;
    return state;
  }

  it('takes each answer once: the first GET gets it, the next asks the server', async () => {
    install('/ladders/backend', (url) => ({ ladder: { slug: 'backend', from: url } }));
    const server = vi.fn(async () => jsonResponse({ ladder: { slug: 'backend', from: 'server' } }));
    vi.stubGlobal('fetch', server);
    expect(await getLadder('backend')).toEqual({ slug: 'backend', from: '/api/ladders/backend' });
    expect(server).not.toHaveBeenCalled();
    expect(await getLadder('backend')).toEqual({ slug: 'backend', from: 'server' });
    expect(server).toHaveBeenCalledTimes(1);
  });

  it('drops what was not taken once a change is sent: a ladder refused before signing in is asked again', async () => {
    install('/ladders/backend', () => ({ ladder: { slug: 'backend', from: 'before signing in' } }));
    const server = vi.fn(async (url: string) =>
      jsonResponse(url.endsWith('/session') ? { user: {}, csrfToken: 't' } : { ladder: { from: 'server' } }),
    );
    vi.stubGlobal('fetch', server);
    await signIn('a@example.com', 'secret');
    expect(await getLadder('backend')).toEqual({ from: 'server' });
    expect(server.mock.calls.map(([url]) => url)).toEqual(['/api/session', '/api/ladders/backend']);
  });

  it('hands out nothing once it is stale', () => {
    const state = install('/ladders/backend', () => ({}));
    expect(takePrefetched('/ladders/backend', state.startedAt + 60_000)).toBeUndefined();
    expect(takePrefetched('/ladders/backend/versions', state.startedAt)).toBeUndefined();
  });

  it('gives a refused read to the app as the refusal it is', async () => {
    const { state } = runPrefetch(
      '/ladders/secret',
      async () =>
        new Response(
          JSON.stringify({ error: { code: 'not_found', message: 'There is no ladder "secret".' } }),
          {
            status: 404,
          },
        ),
    );
    (globalThis as { __rungsFirstReads?: unknown }).__rungsFirstReads = state;
    await expect(getLadder('secret')).rejects.toMatchObject({
      status: 404,
      message: 'There is no ladder "secret".',
    });
  });

  it('does not hand a prefetched answer to a request already aborted', async () => {
    install('/ladders/backend', () => ({ ladder: {} }));
    const controller = new AbortController();
    controller.abort();
    await expect(getLadder('backend', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
