import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog.tsx';

export interface MergeChoice {
  id: string;
  label: string;
}

/**
 * "Merge IC4 into …": pick the other level (or competency). The one picked keeps its name and
 * place; the cells of both are joined, in their order in the ladder.
 */
export function MergeDialog({
  kind,
  source,
  choices,
  onMerge,
  onCancel,
}: {
  kind: 'level' | 'competency';
  source: MergeChoice;
  /** The others, in ladder order. */
  choices: MergeChoice[];
  onMerge(targetId: string): void;
  onCancel(): void;
}) {
  const [target, setTarget] = useState(choices[0]?.id ?? '');
  const selectId = useId();
  const picked = choices.find((c) => c.id === target);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (target) onMerge(target);
  }

  return (
    <Dialog title={`Merge ${kind} “${source.label}”`} onCancel={onCancel}>
      <form className="form" onSubmit={submit}>
        <label htmlFor={selectId}>Merge it into</label>
        <select
          id={selectId}
          className="select"
          value={target}
          autoFocus
          onChange={(e) => setTarget(e.target.value)}
        >
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <p className="muted small">
          {picked ? `“${picked.label}”` : 'The one you pick'} keeps its name and place.{' '}
          {kind === 'level'
            ? 'For every competency, its cell holds the text of both levels; summaries and attributes are joined too.'
            : 'At every level, its cell holds the text of both competencies; descriptions are joined too.'}
        </p>
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!target}>
            Merge
          </button>
        </div>
      </form>
    </Dialog>
  );
}
