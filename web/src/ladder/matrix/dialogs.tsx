import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';

function GroupField({
  value,
  onChange,
  groups,
}: {
  value: string;
  onChange(v: string): void;
  groups: string[];
}) {
  const id = useId();
  const listId = useId();
  return (
    <>
      <label htmlFor={id}>
        Group <span className="muted">(optional, e.g. “Results”)</span>
      </label>
      <input id={id} list={listId} value={value} maxLength={200} onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {groups.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
    </>
  );
}

export function AddLevelDialog({
  suggestedCode,
  onAdd,
  onCancel,
}: {
  suggestedCode: string;
  onAdd(fields: { code: string; title: string }): void;
  onCancel(): void;
}) {
  const [code, setCode] = useState(suggestedCode);
  const [title, setTitle] = useState('');
  const codeId = useId();
  const titleId = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim()) onAdd({ code: code.trim(), title: title.trim() });
  }
  return (
    <Dialog title="Add a level" onCancel={onCancel}>
      <form className="form" onSubmit={submit}>
        <label htmlFor={codeId}>Code</label>
        <input
          id={codeId}
          autoFocus
          required
          maxLength={200}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          maxLength={500}
          value={title}
          placeholder="e.g. Senior Engineer"
          onChange={(e) => setTitle(e.target.value)}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!code.trim()}>
            Add level
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function AddCompetencyDialog({
  groups,
  onAdd,
  onCancel,
}: {
  groups: string[];
  onAdd(fields: { name: string; group: string }): void;
  onCancel(): void;
}) {
  const [name, setName] = useState('');
  const [group, setGroup] = useState(groups[groups.length - 1] ?? '');
  const nameId = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) onAdd({ name: name.trim(), group: group.trim() });
  }
  return (
    <Dialog title="Add a competency" onCancel={onCancel}>
      <form className="form" onSubmit={submit}>
        <label htmlFor={nameId}>Name</label>
        <input
          id={nameId}
          autoFocus
          required
          maxLength={500}
          value={name}
          placeholder="e.g. Technical design"
          onChange={(e) => setName(e.target.value)}
        />
        <GroupField value={group} onChange={setGroup} groups={groups} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!name.trim()}>
            Add competency
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function GroupDialog({
  competencyName,
  current,
  groups,
  onSave,
  onCancel,
}: {
  competencyName: string;
  current: string;
  groups: string[];
  onSave(group: string): void;
  onCancel(): void;
}) {
  const [group, setGroup] = useState(current);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(group.trim());
  }
  return (
    <Dialog title={`Group of “${competencyName}”`} onCancel={onCancel}>
      <form className="form" onSubmit={submit}>
        <GroupField value={group} onChange={setGroup} groups={groups} />
        <p className="muted small">Leave empty for no group. The competency moves to the end of its group.</p>
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
