import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useLocale } from '../../../common/useLocale';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';

/** "1–50 of 10 000": the rows in view and the count the back end matched, in the UI locale's digits and grouping. */
export function PageRange({ store, from, to }: Readonly<{ store: ApprovalStore; from: number; to: number }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const total = useStore(store, approvalSelectors.total);
  const n = new Intl.NumberFormat(locale);
  return (
    <p className="approval__range" data-testid="approval-range">
      {t('approval.page.range', { from: n.format(Math.min(from, total)), to: n.format(Math.min(to, total)), total: n.format(total) })}
    </p>
  );
}
