import { PNG } from 'pngjs';
import { createRegistrationStore } from '../../renderer/features/registration/store/store';
import { submitSelectors } from '../../renderer/features/registration/store/slices/submit/selectors';
import type { SbiSimulator } from '../sims/sbi/SbiSimulator';
import type { ApiClient } from '../../renderer/api/createApiClient';
import type { Clock } from '../../native/time/Clock';

/** How the resident is registered: names, a missing left little finger, a right slap below its threshold. */
export interface ResidentOptions {
  readonly fullName: Readonly<{ por: string; eng: string }>;
  readonly missingLittleFinger?: boolean;
  /** the finger quality of every right-slap attempt: below the threshold, all attempts are used and the best is force-captured */
  readonly rightSlapScores?: readonly number[];
}

function documentPage(): { name: string; mimeType: 'image/png'; base64: string } {
  const image = new PNG({ width: 40, height: 30 });
  image.data.fill(0xc0);
  return { name: 'bi.png', mimeType: 'image/png', base64: PNG.sync.write(image).toString('base64') };
}

/**
 * A NEW registration made as the screens make it (the renderer's registration store over `api`,
 * logged in as officer1: a RealBackEnd, or the memory bench's socket to a host process) and
 * submitted into a real packet; supervisor1 reviews it when it has an exception. Returns its RID.
 */
export async function registerResident(backEnd: Readonly<{ api: ApiClient; clock: Clock }>, devices: SbiSimulator, o: ResidentOptions): Promise<string> {
  const store = createRegistrationStore(backEnd.api, () => backEnd.clock.now());
  const state = () => store.getState();
  await state().open();
  await state().start('NEW', ['por', 'eng']);
  state().setValue('consent', { type: 'flag', checked: true });
  state().setValue('preferredLang', { type: 'code', code: 'por' });
  await state().next();
  for (const [id, por, eng] of [['fullName', o.fullName.por, o.fullName.eng], ['city', 'Trindade', 'Trindade'], ['addressLine1', 'Rua da Sé 12', 'Rua da Se 12']] as const) {
    state().setLocalizedText(id, 'por', por);
    state().setLocalizedText(id, 'eng', eng);
  }
  state().setValue('dateOfBirth', { type: 'text', value: '1990/05/17' });
  for (const [id, code] of [['gender', 'FLE'], ['residenceStatus', 'NAT'], ['region', 'ST'], ['province', 'AGR']] as const) state().setValue(id, { type: 'code', code });
  await state().next();
  await state().attachDocument('proofOfIdentity', 'CIN', 'BI-123', [documentPage()]);
  await state().next();
  if (o.missingLittleFinger) state().setException('individualBiometrics', 'leftLittle', true);
  for (const score of o.rightSlapScores ?? [undefined]) {
    devices.device('finger').score = score;
    await state().captureBiometrics('individualBiometrics', 'right-slap');
  }
  devices.device('finger').score = undefined;
  for (const modality of ['left-slap', 'thumbs', 'iris', 'face'] as const) await state().captureBiometrics('individualBiometrics', modality);
  if (o.missingLittleFinger) await state().captureBiometrics('individualBiometrics', 'exception-photo');
  await state().next();
  state().requestSubmit();
  await state().submit('Officer#2026', o.missingLittleFinger ? { userId: 'supervisor1', password: 'Supervisor#2026' } : undefined);
  const rid = submitSelectors.rid(state());
  if (submitSelectors.status(state()) !== 'done' || !rid) {
    throw new Error(`registerResident: not submitted: ${JSON.stringify(submitSelectors.error(state()) ?? submitSelectors.auth(state()) ?? submitSelectors.issues(state()))}`);
  }
  return rid;
}
