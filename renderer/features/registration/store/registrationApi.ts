import type { z } from 'zod';
import type { registrationApi } from '../../../../schemas/api/registrationApi';
import type { ApiClient } from '../../../api/createApiClient';

type RegistrationMethods = typeof registrationApi;

/**
 * The part of the typed client the registration store calls: the registration contract (drafts.*,
 * registration.formBundle) plus device preview and events. Derived from the contract, never
 * re-declared. TODO(#6): replace with `ApiClient` once contract.ts spreads `registrationApi`.
 */
export type RegistrationApi = {
  readonly [M in keyof RegistrationMethods]: (input: z.infer<RegistrationMethods[M]['input']>) => Promise<z.infer<RegistrationMethods[M]['output']>>;
} & Pick<ApiClient, 'devices.startPreview' | 'devices.stopPreview' | 'on'>;
