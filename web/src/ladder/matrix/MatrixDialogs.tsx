import { removeCompetency, removeLevel, type CompetencyView, type LevelView } from '../../domain.ts';
import { useCollab } from '../../collab/CollabContext.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { levelFullName, levelName } from '../level-label.ts';
import { AddCompetencyDialog, AddLevelDialog, GroupDialog } from './dialogs.tsx';
import { addCompetencyIn, addLevelAt, regroupCompetency } from './structure-actions.ts';

export type MatrixDialog =
  | { kind: 'add-level'; suggestedCode: string }
  | { kind: 'add-competency' }
  | { kind: 'remove-level'; level: LevelView }
  | { kind: 'remove-competency'; competency: CompetencyView }
  | { kind: 'group'; competency: CompetencyView };

/** The one open structural dialog of the matrix, wired to the Yjs operations. */
export function MatrixDialogs({
  dialog,
  groups,
  onClose,
  onAdded,
}: {
  dialog: MatrixDialog | null;
  groups: string[];
  onClose(): void;
  /** Called with the new row's id, to scroll it into view. */
  onAdded(kind: 'level' | 'competency', id: string): void;
}) {
  const { doc } = useCollab();
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add-level':
      return (
        <AddLevelDialog
          suggestedCode={dialog.suggestedCode}
          onCancel={onClose}
          onAdd={(fields) => {
            const id = addLevelAt(doc, fields);
            onClose();
            onAdded('level', id);
          }}
        />
      );
    case 'add-competency':
      return (
        <AddCompetencyDialog
          groups={groups}
          onCancel={onClose}
          onAdd={(fields) => {
            const id = addCompetencyIn(doc, fields);
            onClose();
            onAdded('competency', id);
          }}
        />
      );
    case 'group':
      return (
        <GroupDialog
          competencyName={dialog.competency.name}
          current={dialog.competency.group}
          groups={groups}
          onCancel={onClose}
          onSave={(group) => {
            regroupCompetency(doc, dialog.competency.id, group);
            onClose();
          }}
        />
      );
    case 'remove-level': {
      const code = levelName(dialog.level, '');
      return (
        <ConfirmDialog
          title={code ? `Remove level ${code}?` : 'Remove level?'}
          confirmLabel="Remove level"
          onCancel={onClose}
          onConfirm={() => {
            removeLevel(doc, dialog.level.id);
            onClose();
          }}
        >
          <p>
            The level <strong>{levelFullName(dialog.level, { separator: ' · ' })}</strong>, its summary and
            every cell in its column are removed for everyone editing this ladder.
          </p>
        </ConfirmDialog>
      );
    }
    case 'remove-competency':
      return (
        <ConfirmDialog
          title="Remove competency?"
          confirmLabel="Remove competency"
          onCancel={onClose}
          onConfirm={() => {
            removeCompetency(doc, dialog.competency.id);
            onClose();
          }}
        >
          <p>
            The competency <strong>{dialog.competency.name || 'Untitled competency'}</strong>, its description
            and every cell in its row are removed for everyone editing this ladder.
          </p>
        </ConfirmDialog>
      );
  }
}
