import { levelSummaryFragmentName, type CompetencyView, type LevelView } from '../../domain.ts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useCanEdit } from '../../auth/use-can-edit.ts';
import { useCollab } from '../../collab/CollabContext.tsx';
import { refocusAction } from '../../ui/IconButton.tsx';
import { levelName } from '../level-label.ts';
import { useLadderStructure } from '../use-ladder-structure.ts';
import { CompetencyRow } from './CompetencyRow.tsx';
import { LevelHeader } from './LevelHeader.tsx';
import { MatrixDialogs, type MatrixDialog } from './MatrixDialogs.tsx';
import { MatrixFrame } from './MatrixFrame.tsx';
import { RichTextCell } from './RichTextCell.tsx';
import { useRovingGrid } from './roving-grid.ts';
import { groupsOf, moveCompetencyBy, moveLevelBy, suggestLevelCode } from './structure-actions.ts';

function scrollToRow(kind: 'level' | 'competency', id: string) {
  requestAnimationFrame(() => {
    const selector =
      kind === 'level' ? `[data-level-id="${CSS.escape(id)}"]` : `[data-competency-id="${CSS.escape(id)}"]`;
    const element = document.querySelector<HTMLElement>(selector);
    element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    element?.querySelector<HTMLElement>('.inline-text-button')?.focus({ preventScroll: true });
  });
}

/**
 * The ladder as a matrix: levels as columns (code, title, summary), competencies as rows grouped
 * by their group, one rich-text cell per level × competency.
 */
export function Matrix({ skipTo }: { skipTo?: { href: string; label: string } } = {}) {
  const { doc } = useCollab();
  const tableRef = useRef<HTMLTableElement>(null);
  useRovingGrid(tableRef);
  const { levels, competencies } = useLadderStructure(doc);
  const canEdit = useCanEdit();
  const [dialog, setDialog] = useState<MatrixDialog | null>(null);
  const groups = useMemo(() => groupsOf(competencies), [competencies]);

  const onMoveLevel = useCallback(
    (id: string, delta: -1 | 1) => {
      moveLevelBy(doc, levels, id, delta);
      refocusAction(id, delta < 0 ? 'move-left' : 'move-right', delta < 0 ? 'move-right' : 'move-left');
    },
    [doc, levels],
  );
  const onMoveCompetency = useCallback(
    (id: string, delta: -1 | 1) => {
      moveCompetencyBy(doc, competencies, id, delta);
      refocusAction(id, delta < 0 ? 'move-up' : 'move-down', delta < 0 ? 'move-down' : 'move-up');
    },
    [doc, competencies],
  );
  const onRemoveLevel = useCallback((level: LevelView) => setDialog({ kind: 'remove-level', level }), []);
  const onRemoveCompetency = useCallback(
    (competency: CompetencyView) => setDialog({ kind: 'remove-competency', competency }),
    [],
  );
  const onGroup = useCallback((competency: CompetencyView) => setDialog({ kind: 'group', competency }), []);
  const addLevel = () => setDialog({ kind: 'add-level', suggestedCode: suggestLevelCode(levels) });
  const addCompetency = () => setDialog({ kind: 'add-competency' });

  const dialogs = (
    <MatrixDialogs dialog={dialog} groups={groups} onClose={() => setDialog(null)} onAdded={scrollToRow} />
  );

  if (levels.length === 0 && competencies.length === 0) {
    return (
      <div className="matrix-empty">
        <h2>This ladder is empty</h2>
        <p className="muted">
          Start with the levels (columns, e.g. IC1 to IC6) and the competencies (rows, e.g. “Technical
          design”). Everyone here sees your changes as you make them.
        </p>
        {canEdit && (
          <div className="form-actions center">
            <button type="button" className="button primary" onClick={addLevel}>
              Add a level
            </button>
            <button type="button" className="button" onClick={addCompetency}>
              Add a competency
            </button>
          </div>
        )}
        {dialogs}
      </div>
    );
  }

  return (
    <div className="matrix-scroller" data-matrix tabIndex={-1}>
      {skipTo && (
        <a className="matrix-skip-link" href={skipTo.href}>
          {skipTo.label}
        </a>
      )}
      <p id="matrix-keys-hint" className="visually-hidden">
        One stop in the tab order: arrow keys move between cells and controls, Enter or typing edits a cell,
        Escape stops.
      </p>
      <MatrixFrame
        tableRef={tableRef}
        label="Ladder matrix"
        describedBy="matrix-keys-hint"
        rowLayout
        columns={levels}
        rows={competencies}
        levelHeader={(level, i) => (
          <LevelHeader
            key={level.id}
            level={level}
            isFirst={i === 0}
            isLast={i === levels.length - 1}
            onMove={onMoveLevel}
            onRemove={onRemoveLevel}
          />
        )}
        headerEnd={
          canEdit ? (
            <th scope="col" className="add-level" role="columnheader">
              <button type="button" className="button subtle" onClick={addLevel}>
                + Level
              </button>
            </th>
          ) : (
            <td className="filler" aria-hidden="true" />
          )
        }
        summaryCell={(level, i) => (
          <td key={level.id} className="cell summary-cell" role="cell">
            <RichTextCell
              fragmentName={levelSummaryFragmentName(level.id)}
              label={`summary of ${levelName(level, 'level')}`}
              placeholder="Add a summary"
              className="summary-text"
              navRow={0}
              navCol={i + 1}
            />
          </td>
        )}
        summaryEnd={<td className="filler" aria-hidden="true" />}
        row={(competency, index) => (
          <CompetencyRow
            key={competency.id}
            competency={competency}
            levels={levels}
            navRow={index + 1}
            isFirst={index === 0}
            isLast={index === competencies.length - 1}
            onMove={onMoveCompetency}
            onGroup={onGroup}
            onRemove={onRemoveCompetency}
          />
        )}
        noRows="No competencies yet. Add the first one to start writing expectations."
      />
      {canEdit && (
        <div className="matrix-footer">
          <button type="button" className="button subtle" onClick={addCompetency}>
            + Competency
          </button>
        </div>
      )}
      {dialogs}
    </div>
  );
}
