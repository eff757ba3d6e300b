import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { OutboxItem } from '../../../../schemas/outbox';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { syncSelectors } from '../store/slices/outbox/selectors';
import type { SyncStore } from '../store/store';
import { formatSize } from '../../../common/formatSize';
import { formatTime } from '../../../common/formatTime';
import { useLocale } from '../../../common/useLocale';
import { useVirtualRows, VirtualSpacer } from '../../../common/useVirtualRows';

interface RowProps {
  readonly store: SyncStore;
  readonly item: OutboxItem;
  readonly locale: string;
  readonly canRequeue: boolean;
  readonly index: number;
  readonly measure: (element: Element | null) => void;
}

function OutboxRow({ store, item, locale, canRequeue, index, measure }: RowProps) {
  const { t } = useTranslation();
  const isUploading = useStore(store, syncSelectors.isUploadingNow(item));
  const isRequeueing = useStore(store, syncSelectors.isRequeueing(item.packetId));
  const requeueError = useStore(store, syncSelectors.itemError(item.packetId));
  const isParked = item.state === 'PARKED';
  return (
    <tr ref={measure} data-index={index} className={isParked ? 'outbox__row outbox__row--parked' : 'outbox__row'}>
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

/** A row's height before it is measured (one line; an error message makes it taller). */
const ROW_ESTIMATE_PX = 44;

/**
 * One outbox list (in flight or parked) with a readable state and what to do for each packet,
 * virtualised: only the rows in view are in the DOM, however many pages were loaded (the sync
 * screen's "more" button asks for the next page).
 */
export function OutboxTable({ store, items, caption, canRequeue }: Readonly<{ store: SyncStore; items: readonly OutboxItem[]; caption: string; canRequeue: boolean }>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { scrollRef, rows, before, after, measure } = useVirtualRows({ count: items.length, keyOf: (i) => items[i]?.packetId ?? i, estimatePx: ROW_ESTIMATE_PX });
  return (
    // focusable, so the keyboard scrolls it (arrows, Page Down) as it would the page
    <div ref={scrollRef} className="outbox__scroll" tabIndex={0} role="region" aria-label={caption}>
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
        <VirtualSpacer height={before} />
        <tbody>
          {rows.map((row) => (
            <OutboxRow key={row.key} store={store} item={items[row.index]!} locale={locale} canRequeue={canRequeue} index={row.index} measure={measure} />
          ))}
        </tbody>
        <VirtualSpacer height={after} />
      </table>
    </div>
  );
}
