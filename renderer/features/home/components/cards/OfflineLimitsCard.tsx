import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { OfflineLimitsList } from '../../../sync/components/OfflineLimitsPanel';
import { Card } from './Card';
import type { CardProps } from './DashboardView';
import { dashboardCardsSelectors } from './store/selectors';

/** Only when an offline limit is near or hit: which, with its numbers and what to do. Renders nothing otherwise. */
export function OfflineLimitsCard({ store, onNavigate }: CardProps) {
  const { t } = useTranslation();
  const limits = useStore(store, useShallow(dashboardCardsSelectors.limitsNeedingAttention));
  if (limits.length === 0) return null;
  const isApproval = limits.every((l) => l.limit === 'pendingApprovals' || l.limit === 'approvalAgeDays');
  const isHit = limits.some((l) => l.state === 'hit');
  return (
    <Card
      title={t('home.cards.limits.title')}
      tone={isHit ? 'danger' : 'warning'}
      link={{ view: isApproval ? 'approval' : 'sync', label: t(isApproval ? 'home.cards.limits.linkApproval' : 'home.cards.limits.linkSync'), onNavigate }}
    >
      <OfflineLimitsList limits={limits} showOk={false} />
    </Card>
  );
}
