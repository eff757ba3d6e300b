import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';

/**
 * The supervisor re-enters the password to confirm a decision (MOSIP `eod_auth`). A native modal
 * `<dialog>`: the page behind is inert (focus stays inside), Escape cancels, the title labels it,
 * and focus returns to the button that opened it.
 */
export function DecisionDialog({ store }: Readonly<{ store: ApprovalStore }>) {
  const { t } = useTranslation();
  const decision = useStore(store, approvalSelectors.decision);
  const reasons = useStore(store, useShallow(approvalSelectors.reasons));
  const canConfirm = useStore(store, approvalSelectors.canConfirm);
  const { setReason, cancelDecision, confirmDecision } = store.getState();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const titleId = useId();
  const isOpen = decision !== null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || !isOpen) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      setPassword('');
      // the opener's row may be gone (decided): then the queue's heading takes focus, not the body
      if (opener?.isConnected) opener.focus();
      else document.getElementById('approval-heading')?.focus();
    };
  }, [isOpen]);

  if (!decision) return <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} />;
  const needsReason = approvalSelectors.needsReason(decision.action);
  const isSubmitting = decision.status === 'submitting';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canConfirm && password !== '') void confirmDecision(password);
  };
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!isSubmitting) cancelDecision();
      }}
    >
      <form onSubmit={submit} className="dialog__form">
        <h2 id={titleId}>{t(`approval.dialog.title.${decision.action}`, { count: decision.packetIds.length })}</h2>
        {needsReason && (
          <label>
            {t('approval.dialog.reason')}
            <select value={decision.reasonCode} onChange={(e) => setReason(e.target.value)} required aria-required="true">
              <option value="">{t('approval.dialog.chooseReason')}</option>
              {reasons.map((r) => (
                <option key={`${r.code}|${r.langCode}`} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {needsReason && reasons.length === 0 && <p className="message message--warning">{t('approval.dialog.noReasons')}</p>}
        <label>
          {t('approval.dialog.password')}
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus={!needsReason} />
        </label>
        {decision.error && <ErrorMessage error={decision.error} />}
        {isSubmitting && <p role="status">{t('approval.dialog.sending')}</p>}
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={cancelDecision} disabled={isSubmitting}>
            {t('approval.dialog.cancel')}
          </button>
          <button type="submit" className={`button button--primary button--${decision.action}`} disabled={!canConfirm || password === ''}>
            {t(`approval.dialog.confirm.${decision.action}`)}
          </button>
        </div>
      </form>
    </dialog>
  );
}
