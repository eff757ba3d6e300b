import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useLocale } from '../../../common/useLocale';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';

/** What an "all matching" decision did: how many were decided, and which were skipped because someone else decided them first. */
export function BulkResult({ store }: Readonly<{ store: ApprovalStore }>) {
  const { t } = useTranslation();
  const n = new Intl.NumberFormat(useLocale());
  const bulk = useStore(store, approvalSelectors.bulk);
  if (bulk?.status !== 'done') return null;
  const decided = bulk.result?.decided ?? bulk.progress?.done ?? 0;
  const skipped = bulk.result?.skippedCount ?? 0;
  return (
    <div className="message message--info" data-testid="bulk-result">
      <p>{t(bulk.stopped ? 'approval.bulk.stopped' : 'approval.bulk.done', { decided: n.format(decided), skipped: n.format(skipped) })}</p>
      {bulk.result && bulk.result.skipped.length > 0 && (
        <ul className="approval__result-list">
          {bulk.result.skipped.map((s) => (
            <li key={s.rid}>
              <span className="mono">{s.rid}</span> · {t(`sync.states.${s.state}`)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
