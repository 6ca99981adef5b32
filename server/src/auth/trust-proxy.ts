import net from 'node:net';

/**
 * Whose X-Forwarded-For is believed: nobody (false), the nearest `n` hops, or the proxies at
 * these addresses / CIDR ranges.
 */
export type TrustProxy = false | number | string[];

/**
 * Fastify's `trustProxy` option for it. Fastify ignores a bare hop count (it cannot tell the
 * proxy from a client that connects directly), so a count becomes "trust the n nearest hops":
 * right only when clients can reach Rungs through the proxy alone, as the README says.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return trust === 0 ? false : (_address, hop) => hop < trust;
  return trust;
}

const OFF = new Set(['', '0', 'false', 'off', 'no']);
/** Address names proxy-addr understands besides addresses and ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Parses RUNGS_TRUST_PROXY. `true` means one hop (the reverse proxy in front of Rungs), never
 * "believe every hop", which would let any client choose its own address.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim().toLowerCase();
  if (OFF.has(value)) return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((s) => s.trim());
  const invalid = entries.filter((e) => !isAddressOrRange(e));
  if (invalid.length > 0) {
    throw new Error(
      `RUNGS_TRUST_PROXY must be off, a hop count, or a comma-separated list of proxy addresses or ` +
        `CIDR ranges (e.g. "10.0.0.0/8,127.0.0.1"); cannot read "${invalid.join('", "')}"`,
    );
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return false;
  const family = net.isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
