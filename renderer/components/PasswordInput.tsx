import type { Ref } from 'react';

/**
 * The operator's current password, as the login screen and every re-entry dialog ask for it: the
 * browser may offer the saved one, it is required, and it points at the error shown for it.
 */
export function PasswordInput(props: {
  readonly value: string;
  readonly onChange: (password: string) => void;
  /** the id of the message that explains a refusal, while one is shown */
  readonly errorId: string | undefined;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly id?: string;
  readonly autoFocus?: boolean;
}) {
  return (
    <input
      id={props.id}
      ref={props.inputRef}
      type="password"
      autoComplete="current-password"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      required
      aria-invalid={props.errorId ? true : undefined}
      aria-describedby={props.errorId}
      autoFocus={props.autoFocus}
    />
  );
}
