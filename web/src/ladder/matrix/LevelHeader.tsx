import { renameLevel, type LevelView } from '../../domain.ts';
import { memo } from 'react';
import { useCanEdit } from '../../auth/use-can-edit.ts';
import { useCollab } from '../../collab/CollabContext.tsx';
import { IconButton } from '../../ui/IconButton.tsx';
import { Icon } from '../../ui/icons.tsx';
import { InlineText } from '../../ui/InlineText.tsx';
import { levelName } from '../level-label.ts';

/** Column header of a level: code and title (renamable), move left/right, remove. */
export const LevelHeader = memo(function LevelHeader({
  level,
  isFirst,
  isLast,
  onMove,
  onRemove,
}: {
  level: LevelView;
  isFirst: boolean;
  isLast: boolean;
  onMove(id: string, delta: -1 | 1): void;
  onRemove(level: LevelView): void;
}) {
  const { doc } = useCollab();
  const canEdit = useCanEdit();
  const name = levelName(level, 'level');
  return (
    <th scope="col" className="level-header" data-level-id={level.id} role="columnheader">
      <div className="level-head">
        <InlineText
          value={level.code}
          label="Level code"
          required
          readOnly={!canEdit}
          className="level-code"
          placeholder="Code"
          onCommit={(code) => void renameLevel(doc, level.id, { code })}
        />
        <InlineText
          value={level.title}
          label="Level title"
          readOnly={!canEdit}
          className="level-title"
          placeholder="Untitled level"
          maxLength={500}
          onCommit={(title) => void renameLevel(doc, level.id, { title })}
        />
        {canEdit && (
          <div className="row-actions" role="group" aria-label={`Level ${name}`}>
            <IconButton
              label={`Move ${name} left`}
              disabled={isFirst}
              action="move-left"
              rowId={level.id}
              onClick={() => onMove(level.id, -1)}
            >
              <Icon name="left" />
            </IconButton>
            <IconButton
              label={`Move ${name} right`}
              disabled={isLast}
              action="move-right"
              rowId={level.id}
              onClick={() => onMove(level.id, 1)}
            >
              <Icon name="right" />
            </IconButton>
            <IconButton label={`Remove ${name}`} danger onClick={() => onRemove(level)}>
              <Icon name="close" />
            </IconButton>
          </div>
        )}
      </div>
    </th>
  );
});
