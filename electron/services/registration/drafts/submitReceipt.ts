import type { AckReceiptInput } from '../../../../schemas/ackReceipt';
import type { SubmitResult } from '../../../../schemas/api/registrationApi';
import type { RegistrationInput } from '../../../../schemas/registration';
import { documentTypeName } from '../../../../schemas/rules/documentTypes';
import type { DB } from '../../db/Database';
import { ackReceiptPdf } from '../ackReceipt';
import { centreName } from '../centreName';
import { composeAckReceipt } from '../composeAckReceipt';
import { displayedDemographics } from '../review/composeReviewSummary';
import type { DraftForm } from './draftForm';

/**
 * The acknowledgement of a committed packet, composed once for both the PDF and the screen so
 * they never disagree.
 */
export async function submitReceipt(db: DB, form: DraftForm, input: RegistrationInput, rid: string, language: string): Promise<Omit<SubmitResult, 'packet'>> {
  const receipt = await composeAckReceipt(receiptInput(form, input, rid, language, centreName(db, input.centreId, language)));
  return { receipt, receiptPdfBase64: Buffer.from(await ackReceiptPdf(receipt)).toString('base64') };
}

/** The receipt: labels from the spec, values resolved per language, what was captured. */
function receiptInput(form: DraftForm, input: RegistrationInput, rid: string, language: string, centre: string): AckReceiptInput {
  const demographics: AckReceiptInput['demographics'] = displayedDemographics(form).map(({ label, value }) => ({ label, value }));
  const documents: AckReceiptInput['documents'] = [];
  for (const { field, visible } of form.fields) {
    const value = form.draft.values[field.id];
    // the type's synced name, as MOSIP's receipt shows it (composeAckReceipt picks the language)
    const typeName = value?.type === 'document' ? documentTypeName(form.bundle.masterData, value.documentType) : undefined;
    if (visible && value?.type === 'document') documents.push({ label: field.label, documentType: value.documentType, ...(typeName ? { documentTypeName: typeName } : {}) });
  }
  const fields = Object.values(input.biometrics);
  return {
    rid, language, process: input.process, createdAt: input.createdAt,
    centre: { id: input.centreId, name: centre },
    machineId: input.machineId, operatorId: input.operators.officerId,
    demographics, documents, firstLanguage: input.langCodes[0],
    biometrics: { captured: [...new Set(fields.flatMap((f) => f.captures.map((c) => c.attribute)))], exceptions: [...new Set(fields.flatMap((f) => f.exceptions.map((e) => e.attribute)))] },
  };
}
