import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'>;

/**
 * A labelled text input with an optional hint under it (tied with aria-describedby): the field
 * every form here is made of.
 */
export function TextField({
  label,
  hint,
  hintClassName = 'form-hint',
  value,
  onValue,
  ...input
}: InputProps & {
  label: ReactNode;
  hint?: ReactNode;
  hintClassName?: string;
  value: string;
  onValue?(value: string): void;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-describedby={hint ? hintId : undefined}
        value={value}
        onChange={onValue ? (e) => onValue(e.target.value) : undefined}
        {...input}
      />
      {hint && (
        <p id={hintId} className={hintClassName}>
          {hint}
        </p>
      )}
    </>
  );
}

/** What went wrong with a form, said where the person looks (announced to screen readers). */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error}
    </p>
  );
}

/** The submit button: disabled and relabelled while the form is being sent. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
  wide = false,
  disabled = false,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  wide?: boolean;
  disabled?: boolean;
}) {
  return (
    <button type="submit" className={`button primary${wide ? ' wide' : ''}`} disabled={busy || disabled}>
      {busy ? busyLabel : label}
    </button>
  );
}

/**
 * A form's sending state: `submit(event)` runs `action` once, keeps the person's input, and turns
 * a refusal into the message to show. `action` may throw to refuse before sending (say why).
 */
export function useFormSubmit(action: () => Promise<void>, onError?: (err: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
      onError?.(err);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, submit };
}

/** A dialog form's buttons: Cancel, then the submit button. */
export function DialogActions({
  onCancel,
  ...submit
}: {
  onCancel(): void;
  busy: boolean;
  label: string;
  busyLabel: string;
  disabled?: boolean;
}) {
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <SubmitButton {...submit} />
    </div>
  );
}
