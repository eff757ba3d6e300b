import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Card } from './Card';
import type { CardProps } from './DashboardView';
import { Figure } from './Figure';
import { dashboardCardsSelectors } from './store/selectors';

/** Packets registered today on this machine; links to the sync screen where they travel on. */
export function TodayRegistrationsCard({ store, onNavigate }: CardProps) {
  const { t } = useTranslation();
  const count = useStore(store, dashboardCardsSelectors.todayCount);
  return (
    <Card title={t('home.cards.today.title')} link={{ view: 'sync', label: t('home.cards.today.link'), onNavigate }}>
      <Figure value={count} label={t('home.cards.today.label', { count: count ?? 0 })} />
    </Card>
  );
}
