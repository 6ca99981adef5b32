import type { ReactNode } from 'react';
import { levelFullName } from '../ladder/level-label.ts';
import { BlockDiffView } from './BlockDiffView.tsx';
import { isEmptyDiff } from './diff-layout.ts';
import type { LadderDiff } from './types.ts';

function From({ from, to }: { from: string; to: string }) {
  return (
    <>
      <del className="diff-del">{from || '(empty)'}</del> → <ins className="diff-ins">{to || '(empty)'}</ins>
    </>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What a diff changes besides the cells, one line per change: the ladder's title, track and
 * description; levels and competencies added, removed, renamed and moved; attributes, summaries
 * and descriptions. Ends with a count of the changed cells.
 */
export function ChangeSummary({ diff }: { diff: LadderDiff }) {
  if (isEmptyDiff(diff)) {
    return <p className="muted change-summary-empty">No changes: both sides read the same.</p>;
  }
  const items: { key: string; kind: string; content: ReactNode }[] = [];
  const push = (key: string, kind: string, content: ReactNode) => items.push({ key, kind, content });

  if (diff.ladder.title)
    push(
      'title',
      'renamed',
      <>
        Ladder title: <From {...diff.ladder.title} />
      </>,
    );
  if (diff.ladder.track)
    push(
      'track',
      'renamed',
      <>
        Track: <From {...diff.ladder.track} />
      </>,
    );
  if (diff.ladder.description)
    push(
      'description',
      'changed',
      <>
        Ladder description changed
        <div className="change-blocks">
          <BlockDiffView blocks={diff.ladder.description} />
        </div>
      </>,
    );

  const { levels, competencies } = diff;
  for (const l of levels.added)
    push(
      `la:${l.id}`,
      'added',
      <>
        Level <strong>{levelFullName(l)}</strong> added (position {l.index + 1})
      </>,
    );
  for (const l of levels.removed)
    push(
      `lr:${l.id}`,
      'removed',
      <>
        Level <strong>{levelFullName(l)}</strong> removed
      </>,
    );
  for (const l of levels.renamed)
    push(
      `ln:${l.id}`,
      'renamed',
      <>
        Level renamed:{' '}
        {l.changes.code && (
          <>
            code <From {...l.changes.code} />{' '}
          </>
        )}
        {l.changes.title && (
          <>
            title <From {...l.changes.title} />
          </>
        )}
      </>,
    );
  for (const l of levels.moved)
    push(
      `lm:${l.id}`,
      'moved',
      <>
        Level <strong>{levelFullName(l)}</strong> moved from position {l.from + 1} to {l.to + 1}
      </>,
    );
  for (const l of levels.attributes) {
    const parts = [
      ...l.added.map((a) => `added “${a.key}: ${a.value}”`),
      ...l.removed.map((a) => `removed “${a.key}: ${a.value}”`),
      ...l.changed.map((a) => `“${a.key}” ${a.from} → ${a.to}`),
      ...(l.reordered ? ['reordered'] : []),
    ];
    push(
      `lt:${l.id}`,
      'changed',
      <>
        Attributes of <strong>{levelFullName(l)}</strong>: {parts.join('; ')}
      </>,
    );
  }
  for (const l of levels.summary)
    push(
      `ls:${l.id}`,
      'changed',
      <>
        Summary of <strong>{levelFullName(l)}</strong> changed
      </>,
    );

  for (const c of competencies.added)
    push(
      `ca:${c.id}`,
      'added',
      <>
        Competency <strong>{c.name || 'Untitled'}</strong> added
      </>,
    );
  for (const c of competencies.removed)
    push(
      `cr:${c.id}`,
      'removed',
      <>
        Competency <strong>{c.name || 'Untitled'}</strong> removed
      </>,
    );
  for (const c of competencies.renamed)
    push(
      `cn:${c.id}`,
      'renamed',
      <>
        Competency {c.changes.name ? <From {...c.changes.name} /> : <strong>{c.name}</strong>}
        {c.changes.group && (
          <>
            {' '}
            moved to group <From {...c.changes.group} />
          </>
        )}
      </>,
    );
  for (const c of competencies.moved)
    push(
      `cm:${c.id}`,
      'moved',
      <>
        Competency <strong>{c.name || 'Untitled'}</strong> moved from position {c.from + 1} to {c.to + 1}
      </>,
    );
  for (const c of competencies.description)
    push(
      `cd:${c.id}`,
      'changed',
      <>
        Description of <strong>{c.name || 'Untitled'}</strong> changed
      </>,
    );

  if (diff.cells.length) {
    const count = (kind: string) => diff.cells.filter((c) => c.change === kind).length;
    const parts = [
      count('changed') && `${count('changed')} changed`,
      count('added') && `${count('added')} filled`,
      count('removed') && `${count('removed')} emptied or removed`,
    ].filter(Boolean);
    push(
      'cells',
      'changed',
      <>
        {plural(diff.cells.length, 'cell')}: {parts.join(', ')}
      </>,
    );
  }

  return (
    <ul className="change-summary" aria-label="Summary of changes">
      {items.map((item) => (
        <li key={item.key} className={`change-item kind-${item.kind}`}>
          <span className={`change-kind kind-${item.kind}`}>{item.kind}</span>
          <span className="change-text">{item.content}</span>
        </li>
      ))}
    </ul>
  );
}
