import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { OutboxItem } from '../../../../schemas/outbox';
import { useSession } from '../../session/store/hooks';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { sessionSelectors } from '../../session/store/selectors';
import { formatSize } from '../../../common/formatSize';
import { formatTime } from '../../../common/formatTime';
import { approvalSelectors } from '../store/slices/queue/selectors';
import { summarySelectors } from '../store/slices/summary/selectors';
import type { ApprovalStore } from '../store/store';
import { PacketSummaryPanel } from './PacketSummaryPanel';
import { ResidentCell } from './ResidentCell';

/**
 * One waiting packet: a checkbox (Space) for bulk actions, its own decisions, and a disclosure
 * button that opens its review summary in a row below (one at a time).
 */
export function ApprovalRow({ store, item, locale, index, measure }: Readonly<{ store: ApprovalStore; item: OutboxItem; locale: string; index: number; measure: (element: Element | null) => void }>) {
  const { t } = useTranslation();
  const language = useSession(sessionSelectors.language);
  const isSelected = useStore(store, approvalSelectors.isSelected(item.packetId));
  const error = useStore(store, approvalSelectors.packetError(item.packetId));
  const reason = useStore(store, approvalSelectors.reasonName(item.reasonCode));
  const isOpen = useStore(store, summarySelectors.isOpen(item.packetId));
  const open = useStore(store, summarySelectors.openSummary);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const { toggleSelected, startDecision, toggleSummary, closeSummary } = store.getState();
  const errorId = `approval-error-${item.packetId}`;
  const panelId = `summary-${item.packetId}`;
  const close = () => {
    closeSummary();
    toggleRef.current?.focus();
  };
  // one tbody per packet: the virtualiser measures the row with its open summary and error as one
  return (
    <tbody ref={measure} data-index={index}>
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
        <td className="approval__resident">
          <ResidentCell item={item} language={language} />
        </td>
        <td>{t(`approval.processes.${item.process}`, { defaultValue: item.process })}</td>
        <td>{formatTime(item.createdAt, locale)}</td>
        <td className="numeric">{formatSize(item.size, locale)}</td>
        <td>
          {t(`sync.states.${item.state}`)}
          {reason && <span className="muted"> · {reason}</span>}
        </td>
        <td className="approval__actions">
          <div>
            <button
              ref={toggleRef}
              type="button"
              className="button button--small"
              aria-expanded={isOpen}
              aria-controls={isOpen ? panelId : undefined}
              aria-label={t('approval.summary.toggle', { rid: item.rid })}
              onClick={() => void toggleSummary({ packetId: item.packetId, rid: item.rid })}
            >
              {t('approval.summary.show')}
            </button>
            {(['approve', 'reject', 'hold'] as const).map((action) => (
              <button key={action} type="button" className={`button button--small button--${action}`} onClick={() => startDecision(action, [item.packetId])} aria-label={t(`approval.actions.${action}One`, { rid: item.rid })}>
                {t(`approval.actions.${action}`)}
              </button>
            ))}
          </div>
        </td>
      </tr>
      {isOpen && open && (
        <tr className="approval__summary-row">
          <td colSpan={8}>
            <PacketSummaryPanel store={store} open={open} locale={locale} language={language} onClose={close} />
          </td>
        </tr>
      )}
      {error && (
        <tr>
          <td />
          <td colSpan={7}>
            <ErrorMessage error={error} id={errorId} />
          </td>
        </tr>
      )}
    </tbody>
  );
}
