import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatSize } from '../../../../common/formatSize';
import { useLocale } from '../../../../common/useLocale';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { Card } from './Card';
import type { CardProps } from './DashboardView';
import { dashboardCardsSelectors } from './store/selectors';

/** Free disk space of the data folder, in warning colours when the offline disk limit is near or hit. */
export function DiskSpaceCard({ store, onNavigate }: CardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const disk = useStore(store, dashboardCardsSelectors.disk);
  const limit = useStore(store, dashboardCardsSelectors.diskLimit);
  const tone = limit?.state === 'hit' ? 'danger' : limit ? 'warning' : 'normal';
  return (
    <Card title={t('home.cards.disk.title')} tone={tone} {...(limit ? { link: { view: 'sync' as const, label: t('home.cards.disk.link'), onNavigate } } : {})}>
      {disk === null ? (
        <p>…</p>
      ) : (
        <>
          <p>{t('home.cards.disk.free', { free: formatSize(disk.freeBytes, locale), total: formatSize(disk.totalBytes, locale) })}</p>
          <meter min={0} max={disk.totalBytes} value={disk.totalBytes - disk.freeBytes} aria-label={t('home.cards.disk.used')} />
        </>
      )}
      {limit && <ErrorMessage error={{ code: limit.code, details: limit.details }} />}
    </Card>
  );
}
