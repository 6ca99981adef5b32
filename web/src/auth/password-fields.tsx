import { TextField } from '../ui/form.tsx';
import { MIN_PASSWORD_LENGTH } from './password-rules.ts';

/** A new password, with the rule it must follow under it. */
export function NewPasswordField({
  value,
  onValue,
  autoFocus = false,
  hintClassName = 'auth-hint',
}: {
  value: string;
  onValue(value: string): void;
  autoFocus?: boolean;
  hintClassName?: string;
}) {
  return (
    <TextField
      label="Password"
      type="password"
      autoComplete="new-password"
      autoFocus={autoFocus}
      required
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      hintClassName={hintClassName}
      value={value}
      onValue={onValue}
    />
  );
}
