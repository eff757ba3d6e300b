import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { UiError } from '../features/UiError';
import { ErrorMessage } from './ErrorMessage';
import { PasswordInput } from './PasswordInput';
import '../styles/dialog.css';

export interface PasswordDialogProps {
  readonly isOpen: boolean;
  readonly title: string;
  readonly passwordLabel: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  /** shown (role=status) while the check runs */
  readonly busyLabel: string;
  readonly isBusy: boolean;
  /** the last failure; each new one clears the password field */
  readonly error: UiError | null;
  /** false while something else in the dialog (a reason) is still missing */
  readonly canConfirm?: boolean;
  /** extra class on the confirm button (e.g. the decision's colour) */
  readonly confirmClassName?: string;
  /** the password field takes focus on open (false when another field comes first) */
  readonly focusPassword?: boolean;
  /** where focus goes on close when the button that opened the dialog is gone */
  readonly fallbackFocusId?: string;
  readonly onConfirm: (password: string) => void;
  readonly onCancel: () => void;
  /** fields or text between the title and the password */
  readonly children?: ReactNode;
  /** fields after the password (a second person's credentials), inside the same form: Enter confirms */
  readonly after?: ReactNode;
}

/**
 * A password re-entered to confirm an action (MOSIP `packet_auth`, `eod_auth`). A native modal
 * `<dialog>`: the page behind is inert (focus stays inside), Escape cancels unless the check is
 * running, Enter confirms, the title labels it, a failure is announced (role=alert) and empties the
 * field, and focus returns to the button that opened it. The password lives only in this
 * component's state while the dialog is open; it is never put in a store.
 */
export function PasswordDialog(props: Readonly<PasswordDialogProps>) {
  const { isOpen, isBusy, error, canConfirm = true } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const titleId = useId();
  const errorId = useId();
  const fallbackFocusId = props.fallbackFocusId;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || !isOpen) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      setPassword('');
      if (opener?.isConnected) opener.focus();
      else if (fallbackFocusId) document.getElementById(fallbackFocusId)?.focus();
    };
  }, [isOpen, fallbackFocusId]);

  useEffect(() => {
    // a refused password is not left in the field to be re-sent or read over a shoulder
    if (!error) return;
    setPassword('');
    passwordRef.current?.focus();
  }, [error]);

  if (!isOpen) return <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canConfirm && !isBusy && password !== '') props.onConfirm(password);
  };
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!isBusy) props.onCancel();
      }}
    >
      <form onSubmit={submit} className="dialog__form">
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
        <label>
          {props.passwordLabel}
          <PasswordInput inputRef={passwordRef} value={password} onChange={setPassword} errorId={error ? errorId : undefined} autoFocus={props.focusPassword ?? true} />
        </label>
        {error && <ErrorMessage error={error} id={errorId} />}
        {props.after}
        {isBusy && <p role="status">{props.busyLabel}</p>}
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={props.onCancel} disabled={isBusy}>
            {props.cancelLabel}
          </button>
          <button type="submit" className={`button button--primary${props.confirmClassName ? ` ${props.confirmClassName}` : ''}`} disabled={!canConfirm || isBusy || password === ''}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
