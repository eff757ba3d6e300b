import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Card } from './Card';
import type { CardProps } from './DashboardView';
import { Figure } from './Figure';
import { dashboardCardsSelectors } from './store/selectors';

/** Packets waiting to be sent, and parked ones that need a person; links to the sync screen. */
export function PendingUploadsCard({ store, onNavigate }: CardProps) {
  const { t } = useTranslation();
  const uploads = useStore(store, dashboardCardsSelectors.pendingUploads);
  const parked = useStore(store, dashboardCardsSelectors.parked);
  return (
    <Card title={t('home.cards.uploads.title')} tone={parked ? 'danger' : 'normal'} link={{ view: 'sync', label: t('home.cards.uploads.link'), onNavigate }}>
      <Figure value={uploads} label={t('home.cards.uploads.label', { count: uploads ?? 0 })} />
      {parked !== null && parked > 0 && <p className="dashboard-card__alert">{t('home.cards.uploads.parked', { count: parked })}</p>}
    </Card>
  );
}
