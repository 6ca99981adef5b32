import { parseFragmentName } from '../domain.ts';
import { initials } from '../identity/identity.ts';
import { usePeople } from './hooks.ts';

/** Where someone is, in words ("editing a cell"), from the fragment they edit. */
function whereLabel(editing: string | null): string {
  const ref = editing ? parseFragmentName(editing) : null;
  switch (ref?.kind) {
    case 'cell':
      return 'editing a cell';
    case 'summary':
      return 'editing a level summary';
    case 'competency':
      return 'editing a competency description';
    case 'description':
      return 'editing the description';
    default:
      return 'viewing';
  }
}

/** Everyone in the document: avatar, name and colour; who is editing where. */
export function PresenceBar() {
  const people = usePeople();
  const others = people.filter((p) => !p.self).length;
  return (
    <div
      className="presence"
      aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} here`}
    >
      <ul className="presence-list">
        {people.map((p) => (
          <li
            key={p.clientId}
            className={`presence-person ${p.self ? 'is-self' : ''} ${p.editing ? 'is-editing' : ''}`}
            title={`${p.name}${p.self ? ' (you)' : ''}, ${whereLabel(p.editing)}`}
            data-peer-name={p.name}
          >
            <span className="avatar" style={{ background: p.color }} aria-hidden="true">
              {initials(p.name)}
            </span>
            <span className="presence-name">
              {p.name}
              {p.self && <span className="muted"> (you)</span>}
            </span>
          </li>
        ))}
      </ul>
      {others === 0 && <span className="presence-alone muted">Only you</span>}
    </div>
  );
}
