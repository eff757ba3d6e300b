import type { DemoMasterData, LocalizedText, UiField } from '../../../../../../schemas/uiSpec';
import type { FormValues } from '../../../../../../schemas/registrationForm';

/** One choice of a dropdown or button group: the master-data code and its text per language. */
export interface FieldOption {
  readonly code: string;
  readonly label: LocalizedText;
}

const NONE: readonly FieldOption[] = [];
/** one option object per master-data entry, so selectors stay stable under `useShallow` */
const cache = new WeakMap<object, FieldOption>();

function optionOf(source: object, code: string, label: LocalizedText): FieldOption {
  let option = cache.get(source);
  if (!option) {
    option = { code, label };
    cache.set(source, option);
  }
  return option;
}

function levelOf(masterData: DemoMasterData, levelName: string): number | undefined {
  return masterData.locations.find((l) => l.hierarchyLevelName === levelName)?.hierarchyLevel;
}

/**
 * The choices for a dropdown or button group, as the 1.2 client builds them: location fields list
 * the children of the location chosen one level up (nothing until it is chosen); other fields list
 * the dynamic field named by `subType` (or the field id).
 */
export function fieldOptions(field: UiField, fields: readonly UiField[], values: FormValues, masterData: DemoMasterData | null): readonly FieldOption[] {
  if (!masterData) return NONE;
  if (field.locationHierarchy) {
    const level = levelOf(masterData, field.locationHierarchy);
    if (level === undefined) return NONE;
    const parent = fields.find((f) => f.locationHierarchy && levelOf(masterData, f.locationHierarchy) === level - 1);
    const parentValue = parent ? values[parent.id] : undefined;
    if (parent && parentValue?.type !== 'code') return NONE;
    return masterData.locations
      .filter((l) => l.hierarchyLevel === level && (!parent || (parentValue?.type === 'code' && l.parentLocCode === parentValue.code)))
      .map((l) => optionOf(l, l.code, l.name));
  }
  const list = masterData.dynamicFields[field.subType ?? field.id] ?? masterData.dynamicFields[field.id] ?? [];
  return list.map((v) => optionOf(v, v.code, v.value));
}
