import type { DashboardCardsStore } from './store/store';

/** Where a card sends the operator: the view names the app's router handles. */
export type DashboardView = 'approval' | 'sync';

/** Props every dashboard card takes. */
export interface CardProps {
  readonly store: DashboardCardsStore;
  readonly onNavigate: (view: DashboardView) => void;
}
