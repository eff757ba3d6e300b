import type { ApiClient } from '../../../api/createApiClient';
import type { RegistrationApi } from './registrationApi';

/**
 * The registration store's view of the app's client. The client is one Proxy over the contract;
 * until contract.ts spreads `registrationApi`, its type does not list `drafts.*`, so this narrows by
 * assertion. TODO(#6): return `api` unchanged (no assertion) once the contract includes them.
 */
export function asRegistrationApi(api: ApiClient): RegistrationApi {
  return api as unknown as RegistrationApi;
}
