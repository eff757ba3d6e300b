import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';
import { BulkResult } from './BulkResult';

function ReasonName({ store, code }: Readonly<{ store: ApprovalStore; code: string | null }>) {
  const name = useStore(store, approvalSelectors.reasonName(code));
  return name ? <> · {name}</> : null;
}

/** What the last decision did, packet by packet, announced politely. */
export function DecisionResult({ store }: Readonly<{ store: ApprovalStore }>) {
  const { t } = useTranslation();
  const result = useStore(store, approvalSelectors.lastResult);
  return (
    <div role="status" className="approval__result">
      <BulkResult store={store} />
      {result && (
        <div className="message message--info">
          <p>{t(`approval.result.${result.action}`, { count: result.items.length })}</p>
          <ul className="approval__result-list">
            {result.items.map((item) => (
              <li key={item.packetId}>
                <span className="mono">{item.rid}</span> · {t(`sync.states.${item.state}`)}
                <ReasonName store={store} code={item.reasonCode} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
