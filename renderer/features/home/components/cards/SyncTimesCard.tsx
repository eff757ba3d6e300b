import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatTime } from '../../../../common/formatTime';
import { useLocale } from '../../../../common/useLocale';
import { Card } from './Card';
import type { CardProps } from './DashboardView';
import { dashboardCardsSelectors } from './store/selectors';

/** The last contact with the server and the next scheduled upload run. */
export function SyncTimesCard({ store, onNavigate }: CardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const last = useStore(store, dashboardCardsSelectors.lastSyncAt);
  const next = useStore(store, dashboardCardsSelectors.nextSyncAt);
  const isScheduled = useStore(store, dashboardCardsSelectors.isSyncScheduled);
  return (
    <Card title={t('home.cards.syncTimes.title')} link={{ view: 'sync', label: t('home.cards.syncTimes.link'), onNavigate }}>
      <dl>
        <dt>{t('home.cards.syncTimes.last')}</dt>
        <dd>{last === null ? t('home.cards.syncTimes.never') : formatTime(last, locale)}</dd>
        <dt>{t('home.cards.syncTimes.next')}</dt>
        <dd>{!isScheduled ? t('home.cards.syncTimes.off') : next === null ? t('home.cards.syncTimes.notPlanned') : formatTime(next, locale)}</dd>
      </dl>
    </Card>
  );
}
