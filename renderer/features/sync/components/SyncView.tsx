import { useEffect } from 'react';
import { useLocale } from '../../../common/useLocale';
import type { OutboxList } from '../store/initialState';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { syncSelectors } from '../store/slices/outbox/selectors';
import type { SyncStore } from '../store/store';
import { ExportPanel } from './ExportPanel';
import { OfflineLimitsList } from './OfflineLimitsPanel';
import { OutboxTable } from './OutboxTable';
import { RetentionSpaceLine } from './RetentionSpaceLine';
import { SchedulePanel } from './SchedulePanel';
import { SyncRunPanel } from './SyncRunPanel';
import { useSession } from '../../session/store/hooks';
import { sessionSelectors } from '../../session/store/selectors';
import { useIsSupervisor } from '../../../common/useIsSupervisor';
import '../../../styles/sync.css';

const isOfficerSelector = sessionSelectors.hasRole('REGISTRATION_OFFICER');

/** The next page of one outbox list, while the back end has more than the screen shows. */
function MoreButton({ store, list }: Readonly<{ store: SyncStore; list: OutboxList }>) {
  const { t } = useTranslation();
  const n = new Intl.NumberFormat(useLocale());
  const page = useStore(store, (s) => s.pages[list]);
  const shown = useStore(store, (s) => s[list].length);
  if (page.nextCursor === null) return null;
  return (
    <button type="button" className="button" onClick={() => void store.getState().loadMore(list)}>
      {t('sync.outbox.more', { shown: n.format(shown), total: n.format(page.total) })}
    </button>
  );
}

/** The sync screen (incumbent §5): outbox, run, parked packets, schedule, limits, export. Route to it as view `sync`. */
export function SyncView({ store }: Readonly<{ store: SyncStore }>) {
  const { t } = useTranslation();
  const isSupervisor = useIsSupervisor();
  // what the main process allows (schemas/api/syncApi): sync now to officers and supervisors, export to supervisors
  const canSyncNow = useSession(isOfficerSelector) || isSupervisor;
  const status = useStore(store, syncSelectors.status);
  const error = useStore(store, syncSelectors.error);
  const inFlight = useStore(store, syncSelectors.inFlight);
  const parked = useStore(store, syncSelectors.parked);
  const pages = useStore(store, syncSelectors.pages);
  const limits = useStore(store, useShallow(syncSelectors.limits));

  useEffect(() => {
    const disconnect = store.getState().connect();
    void store.getState().refresh();
    return disconnect;
  }, [store]);

  return (
    <main id="main" className="sync" aria-labelledby="sync-heading">
      <h1 id="sync-heading">{t('sync.heading')}</h1>
      {error && <ErrorMessage error={error} />}
      {status === 'loading' && <p role="status">{t('common.loading')}</p>}
      <div className="sync__grid">
        {canSyncNow && <SyncRunPanel store={store} />}
        <section className="card sync__limits" aria-labelledby="sync-limits-heading">
          <h2 id="sync-limits-heading">{t('sync.limits.heading')}</h2>
          <OfflineLimitsList limits={limits} showOk />
          <RetentionSpaceLine store={store} />
        </section>
      </div>
      <section className="sync__outbox" aria-labelledby="sync-parked-heading">
        <h2 id="sync-parked-heading">{t('sync.outbox.parkedHeading', { count: pages.parked.total })}</h2>
        {parked.length === 0 ? <p className="muted">{t('sync.outbox.noParked')}</p> : <OutboxTable store={store} items={parked} caption={t('sync.outbox.parkedCaption')} canRequeue={isSupervisor} />}
        <MoreButton store={store} list="parked" />
      </section>
      <section className="sync__outbox" aria-labelledby="sync-inflight-heading">
        <h2 id="sync-inflight-heading">{t('sync.outbox.inFlightHeading', { count: pages.inFlight.total })}</h2>
        {inFlight.length === 0 ? <p className="muted">{t('sync.outbox.empty')}</p> : <OutboxTable store={store} items={inFlight} caption={t('sync.outbox.inFlightCaption')} canRequeue={false} />}
        <MoreButton store={store} list="inFlight" />
      </section>
      <div className="sync__grid">
        <SchedulePanel store={store} canEdit={isSupervisor} />
        {isSupervisor && <ExportPanel store={store} />}
      </div>
    </main>
  );
}
