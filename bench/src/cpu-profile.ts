/**
 * Reading V8 CPU profiles (a CDP `Profiler.stop` result, or a `.cpuprofile` file written by
 * `node --cpu-prof`): where the time went, by function (self time) and by package.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The package a script belongs to (`yjs`, `@fastify/websocket`), `node:` internals, or a repo folder. */
export function packageOf(url: string): string {
  if (url === '') return '(native)';
  if (url.startsWith('node:')) return url.split('/')[0]!;
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const repo = url.match(/\/(server|shared|web|bench|migrations)\/src\/(.*)$/);
  if (repo) return `${repo[1]}/${path.dirname(repo[2]!)}`;
  return url.split('/').pop() ?? url;
}

function selfTimes(profile: CpuProfile, keyOf: (frame: CpuProfile['nodes'][number]['callFrame']) => string) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const key = keyOf(byId.get(id)!.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  return { self, total };
}

/** A printable summary: the top functions and packages by self time, in ms and share of all samples. */
export function profileSummary(profile: CpuProfile, title: string, top = 25): string {
  const lines = [`${title} (self time, ms):`];
  const fn = selfTimes(
    profile,
    (f) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`,
  );
  const idle = fn.self.get('(idle) :0') ?? 0;
  const busy = fn.total - idle;
  const row = (ms: number, label: string) =>
    `${ms.toFixed(1).padStart(9)}  ${((100 * ms) / Math.max(busy, 1e-9)).toFixed(1).padStart(5)}%  ${label}`;
  lines.push(`  sampled ${fn.total.toFixed(0)} ms, of which busy ${busy.toFixed(0)} ms (shares are of busy)`);
  for (const [where, ms] of [...fn.self]
    .filter(([k]) => k !== '(idle) :0')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    lines.push(row(ms, where));
  lines.push(`${title}, by package:`);
  const pkg = selfTimes(profile, (f) => (f.functionName === '(idle)' ? '(idle)' : packageOf(f.url)));
  for (const [where, ms] of [...pkg.self]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15))
    lines.push(row(ms, where));
  return lines.join('\n');
}

/** Summaries of every `.cpuprofile` in `dir`, newest last. */
export function summariseProfileDir(dir: string, title: (file: string) => string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()
    .map((f) =>
      profileSummary(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile, title(f)),
    );
}
