import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ApprovalFilter } from '../store/initialState';
import { FilterDateField } from './FilterDateField';
import { approvalSelectors } from '../store/slices/queue/selectors';
import type { ApprovalStore } from '../store/store';

const STATES: readonly ApprovalFilter['state'][] = ['waiting', 'PENDING', 'ON_HOLD'];

/** Search, state, process and date filters of the queue; search and dates reload from the back end. */
export function ApprovalFilters({ store }: Readonly<{ store: ApprovalStore }>) {
  const { t } = useTranslation();
  const filter = useStore(store, approvalSelectors.filter);
  const processes = useStore(store, useShallow(approvalSelectors.processes));
  const { setFilter } = store.getState();
  return (
    <fieldset className="approval__filters">
      <legend>{t('approval.filters.legend')}</legend>
      <label>
        {t('approval.filters.search')}
        {/* the back end searches the stored summaries (names are not in the rows the page holds) */}
        <input type="search" value={filter.search} maxLength={100} data-testid="approval-search" onChange={(e) => void setFilter({ search: e.target.value })} />
      </label>
      <label>
        {t('approval.filters.state')}
        <select value={filter.state} onChange={(e) => void setFilter({ state: e.target.value as ApprovalFilter['state'] })}>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`approval.filters.states.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('approval.filters.process')}
        <select value={filter.process} onChange={(e) => void setFilter({ process: e.target.value })}>
          <option value="">{t('approval.filters.allProcesses')}</option>
          {processes.map((p) => (
            <option key={p} value={p}>
              {t(`approval.processes.${p}`, { defaultValue: p })}
            </option>
          ))}
        </select>
      </label>
      <FilterDateField label={t('approval.filters.from')} value={filter.fromDate} testId="approval-from" onChange={(fromDate) => void setFilter({ fromDate })} />
      <FilterDateField label={t('approval.filters.to')} value={filter.toDate} testId="approval-to" onChange={(toDate) => void setFilter({ toDate })} />
    </fieldset>
  );
}
