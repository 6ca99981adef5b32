import {
  cellFragmentName,
  competencyDescriptionFragmentName,
  renameCompetency,
  type CompetencyView,
  type LevelView,
} from '../../domain.ts';
import { memo } from 'react';
import { useCanEdit } from '../../auth/use-can-edit.ts';
import { useCollab } from '../../collab/CollabContext.tsx';
import { IconButton } from '../../ui/IconButton.tsx';
import { Icon } from '../../ui/icons.tsx';
import { InlineText } from '../../ui/InlineText.tsx';
import { levelName } from '../level-label.ts';
import { useCellExtras } from './cell-extras.tsx';
import { RichTextCell } from './RichTextCell.tsx';

/** One competency: its header (name, description, actions) and one cell per level. */
export const CompetencyRow = memo(function CompetencyRow({
  competency,
  levels,
  navRow,
  isFirst,
  isLast,
  onMove,
  onGroup,
  onRemove,
}: {
  competency: CompetencyView;
  levels: readonly LevelView[];
  navRow: number;
  isFirst: boolean;
  isLast: boolean;
  onMove(id: string, delta: -1 | 1): void;
  onGroup(competency: CompetencyView): void;
  onRemove(competency: CompetencyView): void;
}) {
  const { doc } = useCollab();
  const canEdit = useCanEdit();
  const cellExtras = useCellExtras();
  const name = competency.name || 'Untitled competency';
  return (
    <tr className="competency-row" data-competency-id={competency.id} role="row">
      <th scope="row" className="competency-header" role="rowheader">
        <div className="competency-head">
          <InlineText
            value={competency.name}
            label="Competency name"
            required
            readOnly={!canEdit}
            className="competency-name"
            placeholder="Untitled competency"
            maxLength={500}
            onCommit={(next) => void renameCompetency(doc, competency.id, next)}
          />
          {canEdit && (
            <div className="row-actions" role="group" aria-label={`Competency ${name}`}>
              <IconButton
                label={`Move ${name} up`}
                disabled={isFirst}
                action="move-up"
                rowId={competency.id}
                onClick={() => onMove(competency.id, -1)}
              >
                <Icon name="up" />
              </IconButton>
              <IconButton
                label={`Move ${name} down`}
                disabled={isLast}
                action="move-down"
                rowId={competency.id}
                onClick={() => onMove(competency.id, 1)}
              >
                <Icon name="down" />
              </IconButton>
              <IconButton label={`Set the group of ${name}`} onClick={() => onGroup(competency)}>
                <Icon name="group" />
              </IconButton>
              <IconButton label={`Remove ${name}`} danger onClick={() => onRemove(competency)}>
                <Icon name="close" />
              </IconButton>
            </div>
          )}
        </div>
        <RichTextCell
          fragmentName={competencyDescriptionFragmentName(competency.id)}
          label={`description of ${name}`}
          placeholder="Add a description"
          className="competency-description"
          navRow={navRow}
          navCol={0}
        />
      </th>
      {levels.map((level, i) => {
        const label = `${name} at ${levelName(level)}`;
        return (
          <td key={level.id} className="cell" role="cell">
            <RichTextCell
              fragmentName={cellFragmentName(level.id, competency.id)}
              label={label}
              placeholder="Add expectations"
              className="cell-text"
              navRow={navRow}
              navCol={i + 1}
            />
            {cellExtras?.(level.id, competency.id, label)}
          </td>
        );
      })}
      <td className="filler" aria-hidden="true" />
    </tr>
  );
});
