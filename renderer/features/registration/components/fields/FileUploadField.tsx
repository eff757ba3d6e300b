import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { MAX_UPLOAD_BYTES, type UploadedFile } from '../../../../../schemas/api/registrationApi';
import type { UiField } from '../../../../../schemas/uiSpec';
import { useRegistration, useRegistrationActions } from '../../store/hooks';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { docScanSelectors } from '../../store/slices/docScan/selectors';
import { documentsSelectors, withAttachedType } from '../../store/slices/documents/selectors';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { documentTypeText } from '../../../../../schemas/rules/documentTypes';
import { formSelectors } from '../../store/slices/form/selectors';
import { pickText } from '../pickText';
import { useLabelLanguages } from '../useUiLanguage';
import { FieldIssues, issuesId } from './FieldIssues';
import { FieldLabel } from './FieldLabel';
import { readUploadedFile } from './readUploadedFile';
import { DocumentScanPanel } from './scan/DocumentScanPanel';
import { useField } from './useField';
import { FilePicker } from '../../../../components/FilePicker';

/**
 * A document: type, reference number and the files (images or PDF) chosen or photographed with the
 * camera ("Scan with camera"), sent to the back end at once. Once a document is attached, its type
 * and reference number are the draft's (the back end's): the dropdown and the box show them, and a
 * change is sent with `describeDocument`, the number when the box loses focus or the field leaves
 * the screen, so Next/Back never drop it.
 */
export function FileUploadField({ field }: Readonly<{ field: UiField }>) {
  const { t } = useTranslation();
  // synced labels and type names: the screen's language, else the registration's first one, else the code
  const ui = useLabelLanguages();
  const typeText = (name: Parameters<typeof documentTypeText>[0], code: string) => documentTypeText(name, code, ui);
  const { isRequired, issues } = useField(field.id);
  const attached = useRegistration(documentsSelectors.attached(field.id));
  const status = useRegistration(documentsSelectors.status(field.id));
  const error = useRegistration(documentsSelectors.error(field.id));
  const isScanning = useRegistration(docScanSelectors.isOpen(field.id));
  const { attachDocument, describeDocument, rejectDocument, rejectOversized, removeDocument, openScan, closeScan } = useRegistrationActions();
  // the field leaving the screen (next, back, a step link) takes its scan panel, and the camera, with it
  useEffect(() => () => closeScan(field.id), [field.id, closeScan]);
  // synced master data for the category (subType), narrowed to the resident's applicant type, plus the attached type
  const offered = useRegistration(useShallow(draftSelectors.documentTypes(field.id)));
  const attachedName = useRegistration(draftSelectors.documentTypeName(attached?.documentType ?? ''));
  const types = useMemo(() => withAttachedType(offered, attached?.documentType ?? null, attachedName), [offered, attached?.documentType, attachedName]);
  const [chosen, setDocumentType] = useState('');
  // before a file is attached: the type the next file gets (a choice the applicant type no longer allows falls back to the first)
  const documentType = attached?.documentType ?? (types.some((t) => t.code === chosen) ? chosen : (types[0]?.code ?? ''));
  const [refNumber, setRefNumber] = useState(attached?.refNumber ?? '');
  // the box follows the draft whenever the stored document or its number changes (attach, prefill, describe)
  useEffect(() => setRefNumber(attached?.refNumber ?? ''), [attached?.storageId, attached?.refNumber]);
  const pending = useRef<(() => void) | null>(null);
  pending.current = attached && (refNumber.trim() || null) !== attached.refNumber
    ? () => void describeDocument(field.id, attached.documentType, refNumber)
    : null;
  const commitRefNumber = () => pending.current?.();
  // leaving the screen by Next/Back (a click or Alt+→) unmounts the box without a blur
  useEffect(() => () => pending.current?.(), []);
  const id = `field-${field.id}`;
  const errorId = `${id}-error`;

  const onFiles = async (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    // bounded before it is buffered: a 2 GB file chosen by mistake is refused from its size, unread
    const sizeBytes = files.reduce((n, f) => n + f.size, 0);
    if (sizeBytes > MAX_UPLOAD_BYTES) {
      rejectOversized(field.id, files.map((f) => f.name), sizeBytes);
      return;
    }
    const read: UploadedFile[] = [];
    for (const file of files) {
      const uploaded = await readUploadedFile(file);
      if (!uploaded) {
        rejectDocument(field.id, file.name, file.type || '?');
        return;
      }
      read.push(uploaded);
    }
    await attachDocument(field.id, documentType, refNumber, read);
  };

  return (
    <fieldset className="field field--document" aria-describedby={`${issuesId(field.id)} ${errorId}`}>
      <legend className="field__label"><FieldLabel text={pickText(field.label, ui)} isRequired={isRequired} /></legend>
      <div className="field__languages">
        <div className="field__language">
          <label htmlFor={`${id}-type`} className="field__sublabel">{t('registration.document.type')}</label>
          <select
            id={`${id}-type`} className="input" value={documentType} disabled={types.length === 0 || status === 'uploading'}
            onChange={(e) => (attached ? void describeDocument(field.id, e.target.value, refNumber) : setDocumentType(e.target.value))}
          >
            {types.map((type) => <option key={type.code} value={type.code}>{typeText(type.name, type.code)}</option>)}
          </select>
          {types.length === 0 && <p className="field__issue" role="alert">{t('registration.document.noTypes', { category: field.subType ?? '' })}</p>}
        </div>
        <div className="field__language">
          <label htmlFor={`${id}-ref`} className="field__sublabel">{t('registration.document.refNumber')}</label>
          <input id={`${id}-ref`} className="input" type="text" dir="ltr" maxLength={100} value={refNumber}
            onChange={(e) => setRefNumber(e.target.value)} onBlur={commitRefNumber} onKeyDown={(e) => e.key === 'Enter' && commitRefNumber()}
          />
        </div>
        <div className="field__language">
          <label htmlFor={`${id}-file`} className="field__sublabel">{t('registration.document.file')}</label>
          <FilePicker
            id={`${id}-file`} accept="image/jpeg,image/png,application/pdf" multiple disabled={status === 'uploading' || types.length === 0}
            onFiles={(files, input) => {
              void onFiles(files);
              input.value = '';
            }}
          />
        </div>
        <div className="field__language field__scan">
          <button
            id={`${id}-scan`} type="button" className="button" aria-haspopup="dialog" disabled={status === 'uploading' || types.length === 0}
            onClick={() => openScan(field.id)}
          >
            {t('registration.document.scan.open')}
          </button>
        </div>
      </div>
      {isScanning && <DocumentScanPanel fieldId={field.id} documentName={pickText(field.label, ui)} documentType={documentType} refNumber={refNumber} />}
      {status === 'uploading' && <p role="status">{t('registration.document.uploading')}</p>}
      {attached && (
        <p className="document__attached" data-testid={`document-${field.id}`}>
          {t('registration.document.attached', { type: typeText(attachedName, attached.documentType), size: Math.ceil(attached.sizeBytes / 1024) })}
          {attached.pageCount ? ` · ${t('registration.document.pages', { count: attached.pageCount })}` : ''}
          {attached.refNumber ? ` · ${attached.refNumber}` : ''}{' '}
          <button type="button" className="button button--small" onClick={() => removeDocument(field.id)}>{t('registration.document.remove')}</button>
        </p>
      )}
      <div id={errorId}>{error && <ErrorMessage error={error} />}</div>
      <FieldIssues fieldId={field.id} issues={issues} />
    </fieldset>
  );
}
