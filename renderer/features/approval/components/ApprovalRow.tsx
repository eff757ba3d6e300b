import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { OutboxItem } from '../../../../schemas/outbox';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatSize } from '../../sync/components/formatSize';
import { formatTime } from '../../sync/components/formatTime';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';

/** One waiting packet: its summary, a checkbox (Space) for bulk actions, and its own decisions. */
export function ApprovalRow({ store, item, locale }: Readonly<{ store: ApprovalStore; item: OutboxItem; locale: string }>) {
  const { t } = useTranslation();
  const isSelected = useStore(store, approvalSelectors.isSelected(item.packetId));
  const error = useStore(store, approvalSelectors.packetError(item.packetId));
  const reason = useStore(store, approvalSelectors.reasonName(item.reasonCode));
  const { toggleSelected, startDecision } = store.getState();
  const errorId = `approval-error-${item.packetId}`;
  return (
    <>
      <tr className={isSelected ? 'approval__row approval__row--selected' : 'approval__row'}>
        <td>
          <input
            type="checkbox"
            checked={isSelected}
            onChange={() => toggleSelected(item.packetId)}
            aria-label={t('approval.table.select', { rid: item.rid })}
            {...(error ? { 'aria-describedby': errorId } : {})}
          />
        </td>
        <th scope="row" className="mono">
          {item.rid}
        </th>
        <td>{t(`approval.processes.${item.process}`, { defaultValue: item.process })}</td>
        <td>{formatTime(item.createdAt, locale)}</td>
        <td className="numeric">{formatSize(item.size, locale)}</td>
        <td>
          {t(`sync.states.${item.state}`)}
          {reason && <span className="muted"> · {reason}</span>}
        </td>
        <td className="approval__actions">
          <div>
            {(['approve', 'reject', 'hold'] as const).map((action) => (
              <button key={action} type="button" className={`button button--small button--${action}`} onClick={() => startDecision(action, [item.packetId])} aria-label={t(`approval.actions.${action}One`, { rid: item.rid })}>
                {t(`approval.actions.${action}`)}
              </button>
            ))}
          </div>
        </td>
      </tr>
      {error && (
        <tr>
          <td />
          <td colSpan={6}>
            <ErrorMessage error={error} id={errorId} />
          </td>
        </tr>
      )}
    </>
  );
}
