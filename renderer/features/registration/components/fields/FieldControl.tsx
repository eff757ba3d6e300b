import type { UiField } from '../../../../../schemas/uiSpec';
import { BiometricsField } from '../Biometrics/BiometricsField';
import { AgeDateField } from './AgeDateField';
import { ButtonGroupField } from './ButtonGroupField';
import { CheckboxField } from './CheckboxField';
import { DropdownField } from './DropdownField';
import { FileUploadField } from './FileUploadField';
import { HtmlConsentField } from './HtmlConsentField';
import { TextboxField } from './TextboxField';

/** The control for a field's `controlType` (RUI `util/control/impl/*FxControl`). */
export function FieldControl({ field, isFirstBiometrics }: Readonly<{ field: UiField; isFirstBiometrics: boolean }>) {
  switch (field.controlType) {
    case 'textbox': return <TextboxField field={field} />;
    case 'dropdown': return <DropdownField field={field} />;
    case 'date':
    case 'ageDate': return <AgeDateField field={field} />;
    case 'checkbox': return <CheckboxField field={field} />;
    case 'button': return <ButtonGroupField field={field} />;
    case 'html': return <HtmlConsentField field={field} />;
    case 'fileupload': return <FileUploadField field={field} />;
    case 'biometrics': return <BiometricsField field={field} hasShortcut={isFirstBiometrics} />;
    case null: return null;
    default: {
      const never: never = field.controlType;
      throw new Error(`FieldControl: unknown control ${String(never)}`);
    }
  }
}
