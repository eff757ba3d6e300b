import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useUnmountSignal } from '../../../../api/useUnmountSignal';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { Card } from './Card';
import type { CardProps } from './DashboardView';
import { dashboardCardsSelectors } from './store/selectors';

/** The biometric devices found by the last scan (or hot-plug), refused ones with why, and warnings. */
export function DeviceStatusCard({ store }: Pick<CardProps, 'store'>) {
  const { t } = useTranslation();
  // a scan started here stops when the card goes (the person left the dashboard)
  const unmountSignal = useUnmountSignal();
  const status = useStore(store, dashboardCardsSelectors.devicesStatus);
  const devices = useStore(store, dashboardCardsSelectors.devices);
  const rejected = useStore(store, dashboardCardsSelectors.rejectedDevices);
  const error = useStore(store, dashboardCardsSelectors.devicesError);
  const warnings = useStore(store, dashboardCardsSelectors.deviceWarnings);
  const hasProblem = rejected.length > 0 || warnings.length > 0 || error !== null || devices.some((d) => d.state !== 'ready');
  return (
    <Card title={t('home.cards.devices.title')} tone={hasProblem ? 'warning' : 'normal'}>
      <div role="status">
        {status === 'discovering' && <p>{t('home.cards.devices.scanning')}</p>}
        {status === 'ready' && devices.length === 0 && <p>{t('home.cards.devices.none')}</p>}
      </div>
      {devices.length > 0 && (
        <ul className="dashboard-card__list">
          {devices.map((d) => (
            <li key={`${d.port}:${d.deviceId}`}>
              {t(`home.cards.devices.types.${d.digitalId.type}`, { defaultValue: d.digitalId.type })} · {d.digitalId.make} {d.digitalId.model} ·{' '}
              <span className={`device-state device-state--${d.state}`}>{t(`home.cards.devices.states.${d.state}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {rejected.map((r) => (
        <div key={r.port}>
          <p className="dashboard-card__alert">{t('home.cards.devices.refused', { port: r.port })}</p>
          <ErrorMessage error={{ code: r.code, details: {} }} />
        </div>
      ))}
      {warnings.map((w) => (
        <ErrorMessage key={w.code} error={w} />
      ))}
      {error && <ErrorMessage error={error} />}
      <button type="button" className="button button--link" onClick={() => void store.getState().discoverDevices(unmountSignal())} disabled={status === 'discovering'}>
        {t('home.cards.devices.scan')}
      </button>
    </Card>
  );
}
