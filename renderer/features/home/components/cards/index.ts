/** The live home-dashboard cards, for the dashboard's owner to place. */
export { DashboardCards, useDashboardCards } from './DashboardCards';
export type { CardProps, DashboardView } from './DashboardView';
export { DeviceStatusCard } from './DeviceStatusCard';
export { DiskSpaceCard } from './DiskSpaceCard';
export { OfflineLimitsCard } from './OfflineLimitsCard';
export { PendingApprovalsCard } from './PendingApprovalsCard';
export { PendingUploadsCard } from './PendingUploadsCard';
export { SyncTimesCard } from './SyncTimesCard';
export { TodayRegistrationsCard } from './TodayRegistrationsCard';
export { createDashboardCardsStore, type DashboardCardsStore } from './store/store';
