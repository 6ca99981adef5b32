import { useId } from 'react';
import type { LadderTemplateSummary } from '../api/ladders.ts';

/** What a new ladder starts from: a template (Blank is one), or a copy of another ladder. */
export type StartingPoint = { kind: 'template'; id: string } | { kind: 'copy' };

export const COPY_ID = 'copy';

function counts(template: LadderTemplateSummary): string {
  if (template.levels === 0 && template.competencies === 0) return 'No levels or competencies yet';
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${count(template.levels, 'level', 'levels')} · ${count(template.competencies, 'competency', 'competencies')}`;
}

/** A radio group of cards: each option names itself, says what it holds, and is one tab stop. */
export function StartingPointPicker({
  templates,
  value,
  onChange,
}: {
  templates: LadderTemplateSummary[];
  value: StartingPoint;
  onChange(value: StartingPoint): void;
}) {
  const name = useId();
  const selected = value.kind === 'copy' ? COPY_ID : value.id;
  const options = [
    ...templates.map((t) => ({ id: t.id, name: t.name, description: t.description, meta: counts(t) })),
    {
      id: COPY_ID,
      name: 'Copy an existing ladder',
      description: 'Start from a published version of a ladder in this workspace.',
      meta: 'Levels, competencies and text as published',
    },
  ];
  return (
    <fieldset className="starting-points">
      <legend>Start from</legend>
      <div className="starting-point-options">
        {options.map((option) => {
          const nameId = `${name}-${option.id}-name`;
          const descriptionId = `${name}-${option.id}-description`;
          return (
            <label
              key={option.id}
              className={`starting-point ${selected === option.id ? 'is-selected' : ''}`}
              data-starting-point={option.id}
            >
              <input
                type="radio"
                name={name}
                value={option.id}
                checked={selected === option.id}
                aria-labelledby={nameId}
                aria-describedby={descriptionId}
                onChange={() =>
                  onChange(option.id === COPY_ID ? { kind: 'copy' } : { kind: 'template', id: option.id })
                }
              />
              <span className="starting-point-text">
                <span id={nameId} className="starting-point-name">
                  {option.name}
                </span>
                <span id={descriptionId} className="starting-point-description">
                  {option.description} <span className="starting-point-meta">{option.meta}</span>
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
