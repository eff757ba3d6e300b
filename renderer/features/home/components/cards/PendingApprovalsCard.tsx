import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Card } from './Card';
import type { CardProps } from './DashboardView';
import { Figure } from './Figure';
import { dashboardCardsSelectors } from './store/selectors';

/** Packets waiting for the supervisor; links to the approval queue. */
export function PendingApprovalsCard({ store, onNavigate }: CardProps) {
  const { t } = useTranslation();
  const count = useStore(store, dashboardCardsSelectors.pendingApprovals);
  return (
    <Card title={t('home.cards.approvals.title')} tone={count ? 'warning' : 'normal'} link={{ view: 'approval', label: t('home.cards.approvals.link'), onNavigate }}>
      <Figure value={count} label={t('home.cards.approvals.label', { count: count ?? 0 })} />
    </Card>
  );
}
