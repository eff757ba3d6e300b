import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadStpFormBundle } from '../../../../../../schemas/data/stpDemoSpecs';
import type { RegistrationProcess } from '../../../../../../schemas/registration';
import type { RegistrationDraft } from '../../../../../../schemas/registrationForm';
import { draftForm } from '../../../../../../electron/services/registration/drafts/draftForm';
import { specIssues } from '../../../../../../electron/services/registration/drafts/validateDraft';

const bundle = loadStpFormBundle();
const NOW = new Date(Date.UTC(2026, 10, 22, 9, 0, 0));

function issuesOf(process: RegistrationProcess, additionalInfoReqId?: string): string[] {
  const spec = bundle.processes.find((p) => p.id === process)!;
  const draft: RegistrationDraft = {
    version: 1, draftId: 'd1', process, languages: ['por', 'eng'], selectedGroups: [], values: {}, screenIndex: 0, reachedScreenIndex: 0, savedAt: 0,
    ...(additionalInfoReqId === undefined ? {} : { additionalInfoReqId }),
  };
  return specIssues(draftForm(draft, spec, bundle, NOW), () => false).map((i) => `${i.fieldId}:${i.rule}`);
}

/** The submit-time check behind GenericController.isAdditionalInfoRequestIdProvided: the page cannot skip it. */
describe('specIssues: additional-info request id', () => {
  it('is required by a spec screen with additionalInfoRequestIdRequired (BIOMETRIC_CORRECTION), blank or missing', () => {
    assert.ok(issuesOf('BIOMETRIC_CORRECTION').includes('additionalInfoReqId:required'));
    assert.ok(issuesOf('BIOMETRIC_CORRECTION', '   ').includes('additionalInfoReqId:required'));
  });

  it('is satisfied once typed, and never asked by a process whose spec has no such screen', () => {
    assert.equal(issuesOf('BIOMETRIC_CORRECTION', '10001100020000120261120090000-BIOMETRIC_CORRECTION-1').includes('additionalInfoReqId:required'), false);
    assert.equal(issuesOf('NEW').some((i) => i.startsWith('additionalInfoReqId')), false);
  });
});
