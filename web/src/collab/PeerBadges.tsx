import type { Peer } from './presence.ts';

/** Name tags of the other people editing a cell, in their colours. */
export function PeerBadges({ peers }: { peers: readonly Peer[] }) {
  return (
    <span className="peer-badges">
      {peers.map((p) => (
        <span
          key={p.clientId}
          className="peer-badge"
          style={{ background: p.color }}
          title={`${p.name} is editing`}
        >
          {p.name}
        </span>
      ))}
    </span>
  );
}
