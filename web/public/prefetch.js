// Starts the first page's API reads while the app's bundle is still downloading and compiling, so
// that they are answered (or nearly) by the time React asks for them. The app takes each answer
// once (`web/src/api/prefetched.ts`); anything it doesn't take within a few seconds is dropped.
// A classic script in <head>: the Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  /**
   * The API paths (under /api) the page at `pathname` reads first, exactly as `web/src/api/*`
   * spells them. Kept in step with the routes in `web/src/app/router.tsx` and
   * `web/src/published/routes.tsx` by `prefetch.test.ts`.
   */
  function firstReads(pathname) {
    var reads = ['/session'];
    var segments = pathname.split('/').filter(Boolean);
    if (segments[0] !== 'ladders' || segments.length < 2) return reads;
    var slug;
    try {
      slug = encodeURIComponent(decodeURIComponent(segments[1]));
    } catch {
      return reads; // a malformed address: the app shows its own error for it
    }
    var ladder = '/ladders/' + slug;
    if (segments[2] === 'proposals' && /^[1-9][0-9]{0,8}$/.test(segments[3] || '')) {
      reads.push(ladder + '/proposals/' + segments[3]);
    } else {
      reads.push(ladder, ladder + '/versions');
    }
    return reads;
  }

  var reads = {};
  if (typeof fetch === 'function') {
    firstReads(location.pathname).forEach(function (path) {
      // A failed read is the app's to report when it asks; unasked, it must not be an unhandled rejection.
      var answer = fetch('/api' + path, { credentials: 'same-origin' });
      answer.catch(function () {});
      reads[path] = answer;
    });
  }
  window.__rungsFirstReads = { reads: reads, startedAt: Date.now() };
})();
