import { useSession } from '../features/session/store/hooks';
import { sessionSelectors } from '../features/session/store/selectors';

const isSupervisor = sessionSelectors.hasRole('REGISTRATION_SUPERVISOR');

/** Whether to offer supervisor actions; the main process checks the role again on every call. */
export function useIsSupervisor(): boolean {
  return useSession(isSupervisor);
}
