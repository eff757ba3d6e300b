import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { PasswordDialog } from '../../../components/PasswordDialog';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';
import { useLocale } from '../../../common/useLocale';
import { BulkProgress } from './BulkProgress';

/**
 * The supervisor re-enters the password to confirm a decision (MOSIP `eod_auth`), with a reason
 * where the decision needs one; the modal behaviour is PasswordDialog's.
 */
export function DecisionDialog({ store }: Readonly<{ store: ApprovalStore }>) {
  const { t } = useTranslation();
  const decision = useStore(store, approvalSelectors.decision);
  const reasons = useStore(store, useShallow(approvalSelectors.reasons));
  const canConfirm = useStore(store, approvalSelectors.canConfirm);
  const { setReason, cancelDecision, confirmDecision } = store.getState();
  const needsReason = decision ? approvalSelectors.needsReason(decision.action) : false;
  const action = decision?.action ?? 'approve';
  const locale = useLocale();

  return (
    <PasswordDialog
      isOpen={decision !== null}
      title={decision?.matching ? t(`approval.dialog.matching.${action}`, { total: new Intl.NumberFormat(locale).format(decision.matching.expected) }) : t(`approval.dialog.title.${action}`, { count: decision?.packetIds.length ?? 0 })}
      passwordLabel={t('approval.dialog.password')}
      confirmLabel={t(`approval.dialog.confirm.${action}`)}
      cancelLabel={t('approval.dialog.cancel')}
      busyLabel={t('approval.dialog.sending')}
      isBusy={decision?.status === 'submitting'}
      error={decision?.error ?? null}
      canConfirm={canConfirm}
      confirmClassName={`button--${action}`}
      focusPassword={!needsReason}
      // the opener's row may be gone (decided): then the queue's heading takes focus, not the body
      fallbackFocusId="approval-heading"
      onConfirm={(password) => void confirmDecision(password)}
      onCancel={cancelDecision}
    >
      {decision && needsReason && (
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
      {decision && needsReason && reasons.length === 0 && <p className="message message--warning">{t('approval.dialog.noReasons')}</p>}
      {decision?.matching && decision.status === 'submitting' && <BulkProgress store={store} />}
    </PasswordDialog>
  );
}
