import type { registrationApi } from '../../../../schemas/api/registrationApi';
import type { ApiClient } from '../../../api/createApiClient';

/**
 * The part of the typed client the registration store calls: the registration contract (drafts.*,
 * registration.formBundle) plus device preview and events. A subset of `ApiClient`, so tests can
 * pass the real client over the real Router (test/helpers/realBackEnd.ts).
 */
export type RegistrationApi = Pick<ApiClient, keyof typeof registrationApi | 'devices.startPreview' | 'devices.stopPreview' | 'settings.get' | 'on'>;
