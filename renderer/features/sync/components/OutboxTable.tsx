import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { OutboxItem } from '../../../../schemas/outbox';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { syncSelectors } from '../store/slices/outbox/selectors';
import type { SyncStore } from '../store/store';
import { formatSize } from '../../../common/formatSize';
import { formatTime } from '../../../common/formatTime';
import { useLocale } from '../../../common/useLocale';

interface RowProps {
  readonly store: SyncStore;
  readonly item: OutboxItem;
  readonly locale: string;
  readonly canRequeue: boolean;
}

function OutboxRow({ store, item, locale, canRequeue }: RowProps) {
  const { t } = useTranslation();
  const isUploading = useStore(store, syncSelectors.isUploadingNow(item));
  const isRequeueing = useStore(store, syncSelectors.isRequeueing(item.packetId));
  const requeueError = useStore(store, syncSelectors.itemError(item.packetId));
  const isParked = item.state === 'PARKED';
  return (
    <tr className={isParked ? 'outbox__row outbox__row--parked' : 'outbox__row'}>
      <th scope="row" className="mono">
        {item.rid}
      </th>
      <td>{t(`approval.processes.${item.process}`, { defaultValue: item.process })}</td>
      <td>{formatTime(item.createdAt, locale)}</td>
      <td className="numeric">{formatSize(item.size, locale)}</td>
      <td>
        <span className={`state state--${item.state.toLowerCase()}`}>{t(`sync.states.${item.state}`)}</span>
        {item.supervisorStatus && <span className="muted"> · {t(`sync.supervisorStatus.${item.supervisorStatus}`)}</span>}
        {isUploading && <progress className="outbox__progress" aria-label={t('sync.outbox.uploading', { rid: item.rid })} />}
      </td>
      <td>
        {item.lastErrorCode && <ErrorMessage error={{ code: item.lastErrorCode, details: item.lastErrorDetails ?? {} }} />}
        {!item.lastErrorCode && item.nextAttemptAt !== null && item.attempts > 0 && (
          <span className="muted">{t('sync.outbox.retryAt', { when: formatTime(item.nextAttemptAt, locale), attempts: item.attempts })}</span>
        )}
        {requeueError && <ErrorMessage error={requeueError} />}
      </td>
      {canRequeue && (
        <td>
          {isParked && (
            <button type="button" className="button button--small" disabled={isRequeueing} onClick={() => void store.getState().requeue(item.packetId)} aria-label={t('sync.outbox.requeueOne', { rid: item.rid })}>
              {t('sync.outbox.requeue')}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

/** One outbox list (in flight or parked) with a readable state and what to do for each packet. */
export function OutboxTable({ store, items, caption, canRequeue }: Readonly<{ store: SyncStore; items: readonly OutboxItem[]; caption: string; canRequeue: boolean }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <table className="table outbox__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('approval.table.rid')}</th>
          <th scope="col">{t('approval.table.process')}</th>
          <th scope="col">{t('approval.table.created')}</th>
          <th scope="col">{t('approval.table.size')}</th>
          <th scope="col">{t('approval.table.state')}</th>
          <th scope="col">{t('sync.outbox.lastError')}</th>
          {canRequeue && <th scope="col">{t('approval.table.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <OutboxRow key={item.packetId} store={store} item={item} locale={locale} canRequeue={canRequeue} />
        ))}
      </tbody>
    </table>
  );
}
