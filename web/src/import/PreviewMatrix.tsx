import { useMemo, useState, type ReactNode } from 'react';
import {
  cellKey,
  isEmptyDoc,
  type Competency,
  type LadderContent,
  type Level,
  type RichText,
} from '../domain.ts';
import { levelFullName } from '../ladder/level-label.ts';
import { MatrixFrame } from '../ladder/matrix/MatrixFrame.tsx';
import { RichTextView } from '../richtext/RichTextView.tsx';
import { InlineText } from '../ui/InlineText.tsx';
import {
  competencyLabel,
  dropCompetency,
  dropLevel,
  mergeCompetencies,
  mergeLevels,
  renameCompetency,
  renameLevel,
} from './edit-content.ts';
import { splitCompetency, splitLabels } from '@rungs/shared/import/split-sections';
import { MergeDialog } from './MergeDialog.tsx';

/** A change to the draft, with a sentence saying what it did (announced, and shown beside Undo). */
export type DraftChange = (content: LadderContent) => { content: LadderContent; message: string };

function StaticText({
  doc,
  className,
  empty,
}: {
  doc: RichText | undefined;
  className?: string;
  empty?: string;
}) {
  const blank = !doc || isEmptyDoc(doc);
  return (
    <div className={`rt-static import-static ${className ?? ''}`}>
      <div className={`rich-text ${blank ? 'is-empty' : ''}`}>
        {blank ? empty ? <span className="import-empty">{empty}</span> : null : <RichTextView doc={doc} />}
      </div>
    </div>
  );
}

/** A small text button whose full meaning is in its accessible name ("Drop level IC4"). */
function ActionButton({
  label,
  onClick,
  disabled,
  danger,
  children,
}: {
  label: string;
  onClick(): void;
  disabled?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`import-action ${danger ? 'danger' : ''}`}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** An imported level may have neither code nor title yet: its place names it then. */
function levelLabel(level: Level, index: number): string {
  return levelFullName(level, { separator: ' ', fallback: `Level ${index + 1}` });
}

type Merging =
  | { kind: 'level'; level: Level; index: number }
  | { kind: 'competency'; competency: Competency; index: number };

function LevelColumnHeader({
  level,
  index,
  canMerge,
  onChange,
  onMerge,
}: {
  level: Level;
  index: number;
  canMerge: boolean;
  onChange(change: DraftChange): void;
  onMerge(): void;
}) {
  const name = levelLabel(level, index);
  return (
    <th scope="col" className="level-header import-level" data-level-id={level.id}>
      <div className="level-head">
        <InlineText
          value={level.code}
          label="Level code"
          className="level-code"
          placeholder="Add a code"
          onCommit={(code) =>
            onChange((c) => ({
              content: renameLevel(c, level.id, { code }),
              message: `Level code changed to “${code || 'none'}”.`,
            }))
          }
        />
        <InlineText
          value={level.title}
          label="Level title"
          className="level-title"
          placeholder="Add a title"
          maxLength={500}
          onCommit={(title) =>
            onChange((c) => ({
              content: renameLevel(c, level.id, { title }),
              message: `Level title changed to “${title || 'none'}”.`,
            }))
          }
        />
        {level.attributes.length > 0 && (
          <dl className="key-values import-attributes">
            {level.attributes.map((a, i) => (
              <div key={i}>
                <dt>{a.key}</dt>
                <dd>{a.value}</dd>
              </div>
            ))}
          </dl>
        )}
        <div className="row-actions import-actions" role="group" aria-label={`Level ${name}`}>
          <ActionButton label={`Merge level ${name} into another`} disabled={!canMerge} onClick={onMerge}>
            Merge…
          </ActionButton>
          <ActionButton
            label={`Drop level ${name}`}
            danger
            onClick={() =>
              onChange((c) => ({ content: dropLevel(c, level.id), message: `Dropped level ${name}.` }))
            }
          >
            Drop
          </ActionButton>
        </div>
      </div>
    </th>
  );
}

function CompetencyRowHeader({
  competency,
  index,
  canMerge,
  sections,
  onChange,
  onMerge,
}: {
  competency: Competency;
  index: number;
  canMerge: boolean;
  /** Labelled sections its text holds, which Split makes competencies of (none: no Split). */
  sections: string[];
  onChange(change: DraftChange): void;
  onMerge(): void;
}) {
  const name = competencyLabel(competency, index);
  return (
    <th scope="row" className="competency-header import-competency">
      <div className="competency-head">
        <InlineText
          value={competency.name}
          label="Competency name"
          className="competency-name"
          placeholder="Add a name"
          maxLength={500}
          onCommit={(next) =>
            onChange((c) => ({
              content: renameCompetency(c, competency.id, { name: next }),
              message: `Competency renamed to “${next || 'none'}”.`,
            }))
          }
        />
      </div>
      <div className="import-group-field">
        <span className="muted small">Group</span>
        <InlineText
          value={competency.group}
          label={`Group of ${name}`}
          className="import-group-name small"
          placeholder="None"
          maxLength={500}
          onCommit={(group) =>
            onChange((c) => ({
              content: renameCompetency(c, competency.id, { group }),
              message: group ? `${name} is now in the group “${group}”.` : `${name} is in no group now.`,
            }))
          }
        />
      </div>
      <div className="row-actions import-actions" role="group" aria-label={`Competency ${name}`}>
        <ActionButton label={`Merge competency ${name} into another`} disabled={!canMerge} onClick={onMerge}>
          Merge…
        </ActionButton>
        {sections.length > 0 && (
          <ActionButton
            label={`Split competency ${name} into ${sections.join(', ')}`}
            onClick={() =>
              onChange((c) => ({
                content: splitCompetency(c, competency.id),
                message: `Split ${name} into ${sections.length} competencies: ${sections.join(', ')}.`,
              }))
            }
          >
            Split
          </ActionButton>
        )}
        <ActionButton
          label={`Drop competency ${name}`}
          danger
          onClick={() =>
            onChange((c) => ({
              content: dropCompetency(c, competency.id),
              message: `Dropped competency ${name}.`,
            }))
          }
        >
          Drop
        </ActionButton>
      </div>
      <StaticText doc={competency.description} className="competency-description" />
    </th>
  );
}

/**
 * The imported ladder as it will be created: levels as columns, competencies as rows grouped by
 * their group, cells rendered statically. Levels and competencies can be renamed, merged and dropped.
 */
export function PreviewMatrix({
  content,
  onChange,
}: {
  content: LadderContent;
  onChange(change: DraftChange): void;
}) {
  const { levels, competencies, cells } = content;
  const hasSummaries = levels.some((l) => !isEmptyDoc(l.summary));
  const [merging, setMerging] = useState<Merging | null>(null);
  const sectionsOf = useMemo(
    () => new Map(competencies.map((c) => [c.id, splitLabels({ levels, cells }, c.id)])),
    [levels, competencies, cells],
  );

  if (levels.length === 0 || competencies.length === 0) {
    return (
      <div className="matrix-empty import-matrix-empty">
        <h3>{levels.length === 0 ? 'No levels left' : 'No competencies left'}</h3>
        <p className="muted">
          A ladder needs at least one level and one competency. Undo the last change, or read the document
          again.
        </p>
      </div>
    );
  }

  return (
    <div
      className="import-matrix-scroller"
      tabIndex={0}
      role="region"
      aria-label="Preview of the imported ladder"
    >
      <MatrixFrame
        className="import-matrix"
        label="Imported ladder preview"
        style={{ minWidth: 250 + levels.length * 220 }}
        columns={levels}
        rows={competencies}
        levelHeader={(level, i) => (
          <LevelColumnHeader
            key={level.id}
            level={level}
            index={i}
            canMerge={levels.length > 1}
            onChange={onChange}
            onMerge={() => setMerging({ kind: 'level', level, index: i })}
          />
        )}
        summaryCell={
          hasSummaries
            ? (level) => (
                <td key={level.id} className="cell summary-cell">
                  <StaticText doc={level.summary} className="summary-text" />
                </td>
              )
            : undefined
        }
        row={(competency, index) => (
          <tr key={competency.id} className="competency-row" data-competency-id={competency.id}>
            <CompetencyRowHeader
              competency={competency}
              index={index}
              canMerge={competencies.length > 1}
              sections={sectionsOf.get(competency.id) ?? []}
              onChange={onChange}
              onMerge={() => setMerging({ kind: 'competency', competency, index })}
            />
            {levels.map((level) => (
              <td key={level.id} className="cell">
                <StaticText
                  doc={cells[cellKey(level.id, competency.id)]}
                  className="cell-text"
                  empty="Empty"
                />
              </td>
            ))}
          </tr>
        )}
      />
      {merging?.kind === 'level' && (
        <MergeDialog
          kind="level"
          source={{ id: merging.level.id, label: levelLabel(merging.level, merging.index) }}
          choices={levels
            .map((l, i) => ({ id: l.id, label: levelLabel(l, i) }))
            .filter((c) => c.id !== merging.level.id)}
          onCancel={() => setMerging(null)}
          onMerge={(targetId) => {
            const source = merging.level;
            const sourceName = levelLabel(source, merging.index);
            setMerging(null);
            onChange((c) => {
              const index = c.levels.findIndex((l) => l.id === targetId);
              return {
                content: mergeLevels(c, targetId, source.id),
                message: `Merged level ${sourceName} into ${levelLabel(c.levels[index]!, index)}.`,
              };
            });
          }}
        />
      )}
      {merging?.kind === 'competency' && (
        <MergeDialog
          kind="competency"
          source={{ id: merging.competency.id, label: competencyLabel(merging.competency, merging.index) }}
          choices={competencies
            .map((c, i) => ({ id: c.id, label: competencyLabel(c, i) }))
            .filter((c) => c.id !== merging.competency.id)}
          onCancel={() => setMerging(null)}
          onMerge={(targetId) => {
            const source = merging.competency;
            const sourceName = competencyLabel(source, merging.index);
            setMerging(null);
            onChange((c) => {
              const index = c.competencies.findIndex((x) => x.id === targetId);
              return {
                content: mergeCompetencies(c, targetId, source.id),
                message: `Merged competency ${sourceName} into ${competencyLabel(c.competencies[index]!, index)}.`,
              };
            });
          }}
        />
      )}
    </div>
  );
}
