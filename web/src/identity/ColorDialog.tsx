import { useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog.tsx';
import { initials, PALETTE, type Identity } from './identity.ts';

/** Pick the colour others see on my avatar, my caret and the cell I am editing. */
export function ColorDialog({
  identity,
  onSave,
  onCancel,
}: {
  identity: Identity;
  onSave(color: string): void;
  onCancel(): void;
}) {
  const [color, setColor] = useState(identity.color);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(color);
  }

  return (
    <Dialog title="Your colour" onCancel={onCancel}>
      <form onSubmit={submit} className="form">
        <p className="muted">Colleagues see it on your avatar, your caret and the cell you are editing.</p>
        <div className="identity-preview">
          <span className="avatar" style={{ background: color }} aria-hidden="true">
            {initials(identity.name)}
          </span>
          <strong>{identity.name}</strong>
        </div>
        <fieldset className="swatches">
          <legend>Colour</legend>
          {PALETTE.map((c) => (
            <label key={c} className="swatch" style={{ background: c }} title={c}>
              <input
                type="radio"
                name="color"
                value={c}
                checked={color === c}
                onChange={() => setColor(c)}
                aria-label={`Colour ${c}`}
              />
            </label>
          ))}
        </fieldset>
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
