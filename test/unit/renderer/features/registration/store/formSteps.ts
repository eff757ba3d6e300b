import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import type { UploadedFile } from '../../../../../../schemas/api/registrationApi';
import type { RegistrationStore } from '../../../../../../renderer/features/registration/store/store';
import { formSelectors } from '../../../../../../renderer/features/registration/store/slices/form/selectors';
import { createRegistrationStore } from '../../../../../../renderer/features/registration/store/store';
import { createApiClient } from '../../../../../../renderer/api/createApiClient';
import type { AppServices } from '../../../../../../electron/host/createAppServices';
import type { Clock } from '../../../../../../native/time/Clock';
import { ManualClock } from '../../../../../../native/time/ManualClock';
import type { SbiSimulator } from '../../../../../sims/sbi/SbiSimulator';
import { openRegistrationApp, startDevicesAndPki } from '../../../../../integration/app/registrationAppBed';
import { inMemoryBridge } from '../../../../../helpers/inMemoryBridge';

/**
 * The form steps the registration store tests walk, as an operator does: consent, the demographics
 * of one São Tomé resident, one proof of identity (`page`), up to the biometrics screen. `store`
 * is read at each step: a test file makes a fresh store per test.
 */
export function formSteps(store: () => RegistrationStore, page: UploadedFile) {
  const state = () => store().getState();
  async function fillConsent(): Promise<void> {
    state().setValue('consent', { type: 'flag', checked: true });
    state().setValue('preferredLang', { type: 'code', code: 'por' });
    await state().next();
  }
  function fillDemographics(): void {
    for (const [id, por, eng] of [['fullName', 'Maria da Graça', 'Maria da Graca'], ['city', 'Trindade', 'Trindade'], ['addressLine1', 'Rua 1', 'Street 1']] as const) {
      state().setLocalizedText(id, 'por', por);
      state().setLocalizedText(id, 'eng', eng);
    }
    state().setValue('dateOfBirth', { type: 'text', value: '1990/05/17' });
    for (const [id, code] of [['gender', 'FLE'], ['residenceStatus', 'NAT'], ['region', 'ST'], ['province', 'AGR']] as const) state().setValue(id, { type: 'code', code });
  }
  async function toBiometrics(): Promise<void> {
    await state().open();
    await state().start('NEW', ['por', 'eng']);
    await fillConsent();
    fillDemographics();
    await state().next();
    await state().attachDocument('proofOfIdentity', 'CIN', 'BI-123', [page]);
    await state().next();
    assert.equal(formSelectors.currentScreen(state().form)?.name, 'BiometricDetails');
  }
  return { fillConsent, fillDemographics, toBiometrics };
}

/** The registration store over the app's Router in process (the renderer's own API client), officer1 logged in. */
export async function officerStore(services: AppServices, clock: Clock): Promise<RegistrationStore> {
  const api = createApiClient(inMemoryBridge(services));
  await api['auth.login']({ userId: 'officer1', password: 'Officer#2026' });
  return createRegistrationStore(api, () => clock.now());
}

/** What a store test reads; set by useOfficerStore's hooks, so read it inside tests only. */
export interface OfficerStoreHandle {
  readonly simulator: SbiSimulator;
  readonly services: AppServices;
  readonly clock: ManualClock;
  readonly store: RegistrationStore;
}

/**
 * Registers the hooks the store test files wrote for themselves: one device simulator and PKI per
 * file (the simulator reads the current test's clock, so its certificates and timestamps meet the
 * app's), a fresh app per test (openRegistrationApp, with a generous discovery timeout as the suite
 * runs files side by side on two cores) and an officerStore over it. Call it inside `describe`.
 */
export function useOfficerStore(): OfficerStoreHandle {
  let devices: Awaited<ReturnType<typeof startDevicesAndPki>> | undefined;
  let opened: Awaited<ReturnType<typeof openRegistrationApp>> | undefined;
  let store: RegistrationStore | undefined;
  let clock = new ManualClock();
  const set = <T>(what: string, v: T | undefined): T => {
    if (v === undefined) throw new Error(`useOfficerStore: ${what} is read before its hook ran`);
    return v;
  };
  before(async () => {
    devices = await startDevicesAndPki(() => clock.now());
  });
  after(() => devices?.simulator.close());
  beforeEach(async () => {
    const { simulator, pki } = set('the simulator', devices);
    opened = await openRegistrationApp(simulator, pki, { infoTimeoutMs: 5000 });
    clock = opened.clock;
    store = await officerStore(opened.services, clock);
  });
  afterEach(() => opened?.close());
  return {
    get simulator() { return set('the simulator', devices).simulator; },
    get services() { return set('the app', opened).services; },
    get clock() { return clock; },
    get store() { return set('the store', store); },
  };
}
