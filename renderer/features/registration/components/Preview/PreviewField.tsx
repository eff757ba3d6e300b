import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { UiField } from '../../../../../schemas/uiSpec';
import { useRegistration } from '../../store/hooks';
import { documentTypeText } from '../../../../../schemas/rules/documentTypes';
import { draftSelectors } from '../../store/slices/draft/selectors';
import { formSelectors } from '../../store/slices/form/selectors';
import { languageAttributes, pickText } from '../pickText';
import { useForm } from '../useFormState';
import { useLabelLanguages } from '../useUiLanguage';
import { PreviewBiometrics } from './PreviewBiometrics';

/** One entered value as the operator reads it back to the resident (both data-entry languages). */
export function PreviewField({ field }: Readonly<{ field: UiField }>) {
  const { t } = useTranslation();
  const ui = useLabelLanguages();
  const value = useForm(formSelectors.value(field.id));
  const options = useRegistration(useShallow(draftSelectors.options(field.id)));
  const documentName = useRegistration(draftSelectors.documentTypeName(value?.type === 'document' ? value.documentType : ''));
  const label = pickText(field.label, ui);
  if (field.controlType === 'html') return null;
  if (field.controlType === 'biometrics') return <PreviewBiometrics field={field} />;
  const body = (() => {
    switch (value?.type) {
      case undefined: return <span className="muted">{t('registration.preview.empty')}</span>;
      case 'text': return <span dir="ltr">{value.value}</span>;
      case 'localized':
        return (
          <ul className="preview__languages">
            {Object.entries(value.values).map(([language, text]) => (
              <li key={language}><span className="muted">{t(`language.${language}`, { defaultValue: language })}: </span><span {...languageAttributes(language)}>{text}</span></li>
            ))}
          </ul>
        );
      case 'code': return <span>{pickText(options.find((o) => o.code === value.code)?.label, ui) || value.code}</span>;
      case 'flag': return <span>{value.checked ? t('registration.preview.yes') : t('registration.preview.no')}</span>;
      case 'document':
        return (
          <span data-testid={`preview-document-${field.id}`} data-document-category={field.subType ?? field.id} data-document-type={value.documentType}>
            {t('registration.document.attached', { type: documentTypeText(documentName, value.documentType, ui), size: Math.ceil(value.sizeBytes / 1024) })}
            {value.pageCount ? ` · ${t('registration.document.pages', { count: value.pageCount })}` : ''}
            {value.refNumber ? ` · ${value.refNumber}` : ''}
          </span>
        );
      case 'biometrics': return null;
      default: {
        const never: never = value;
        throw new Error(`PreviewField: unknown value ${String(never)}`);
      }
    }
  })();
  return (
    <>
      <dt>{label || field.id}</dt>
      <dd>{body}</dd>
    </>
  );
}
