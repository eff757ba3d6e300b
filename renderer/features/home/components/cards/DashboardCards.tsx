import { useEffect } from 'react';
import '../../../../styles/sync.css';
import type { CardProps } from './DashboardView';
import { DeviceStatusCard } from './DeviceStatusCard';
import { DiskSpaceCard } from './DiskSpaceCard';
import { OfflineLimitsCard } from './OfflineLimitsCard';
import { PendingApprovalsCard } from './PendingApprovalsCard';
import { PendingUploadsCard } from './PendingUploadsCard';
import { SyncTimesCard } from './SyncTimesCard';
import { TodayRegistrationsCard } from './TodayRegistrationsCard';

/**
 * Keeps the cards' store live while the dashboard shows: loads every figure, scans for devices,
 * and follows outbox, schedule and device events. Call once where the cards are placed.
 */
export function useDashboardCards(store: CardProps['store'], options: Readonly<{ shouldScanDevices: boolean }>): void {
  useEffect(() => {
    const disconnect = store.getState().connect();
    void store.getState().load();
    return disconnect;
  }, [store]);
  useEffect(() => {
    if (!options.shouldScanDevices) return undefined;
    // leaving the dashboard stops the scan in the main process too
    const controller = new AbortController();
    void store.getState().discoverDevices(controller.signal);
    return () => controller.abort();
  }, [store, options.shouldScanDevices]);
}

/** Every live card in the dashboard's order; limits first when one is near or hit. */
export function DashboardCards({ store, onNavigate, isSupervisor, isOfficer }: CardProps & Readonly<{ isSupervisor: boolean; isOfficer: boolean }>) {
  useDashboardCards(store, { shouldScanDevices: isOfficer });
  return (
    <div className="cards dashboard-cards">
      <OfflineLimitsCard store={store} onNavigate={onNavigate} />
      <TodayRegistrationsCard store={store} onNavigate={onNavigate} />
      {isSupervisor && <PendingApprovalsCard store={store} onNavigate={onNavigate} />}
      <PendingUploadsCard store={store} onNavigate={onNavigate} />
      <SyncTimesCard store={store} onNavigate={onNavigate} />
      {isOfficer && <DeviceStatusCard store={store} />}
      <DiskSpaceCard store={store} onNavigate={onNavigate} />
    </div>
  );
}
