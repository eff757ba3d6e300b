import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../session/store/hooks';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { sessionSelectors } from '../../session/store/selectors';
import { useIsSupervisor } from '../../../common/useIsSupervisor';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';
import { ApprovalFilters } from './ApprovalFilters';
import { ApprovalTable } from './ApprovalTable';
import { DecisionDialog } from './DecisionDialog';
import { DecisionResult } from './DecisionResult';
import '../../../styles/sync.css';
import '../../../styles/approval.css';

/** The supervisor's approval queue (end of day, incumbent §4.1). Route to it as view `approval`. */
export function ApprovalView({ store }: Readonly<{ store: ApprovalStore }>) {
  const { t } = useTranslation();
  const isSupervisor = useIsSupervisor();
  const language = useSession(sessionSelectors.language);
  const status = useStore(store, approvalSelectors.status);
  const error = useStore(store, approvalSelectors.error);

  useEffect(() => {
    if (!isSupervisor) return;
    const disconnect = store.getState().connect();
    void store.getState().refresh();
    return disconnect;
  }, [store, isSupervisor]);
  useEffect(() => {
    if (isSupervisor) void store.getState().loadReasons(language);
  }, [store, isSupervisor, language]);

  return (
    <main id="main" className="approval" aria-labelledby="approval-heading">
      <h1 id="approval-heading" tabIndex={-1}>{t('approval.heading')}</h1>
      {!isSupervisor ? (
        <p className="message message--info">{t('approval.supervisorOnly')}</p>
      ) : (
        <>
          <div className="approval__top">
            <ApprovalFilters store={store} />
            <button type="button" className="button" onClick={() => void store.getState().refresh()}>
              {t('approval.refresh')}
            </button>
          </div>
          {error && <ErrorMessage error={error} />}
          <DecisionResult store={store} />
          {status === 'loading' ? <p role="status">{t('common.loading')}</p> : <ApprovalTable store={store} />}
          <DecisionDialog store={store} />
        </>
      )}
    </main>
  );
}
