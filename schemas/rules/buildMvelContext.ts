import type { RegistrationProcess } from '../registration';
import type { FormFieldValue, FormValues } from '../registrationForm';
import type { AgeGroupConfig, ProcessFlow } from '../uiSpec';
import { ageGroupOf, ageInYears, isChildAge, parseMosipDate } from './ageGroups';
import type { MvelContext, MvelValue } from './mvelEvaluator';
import { unreachable } from '../errors/assert';

/** What, besides the values, the rules may look at. */
export interface MvelContextInput {
  readonly values: Readonly<FormValues>;
  readonly process: RegistrationProcess;
  readonly flow: ProcessFlow;
  readonly languages: readonly string[];
  readonly selectedGroups: readonly string[];
  /** fields of the selected groups (UPDATE); MOSIP exposes both lists */
  readonly updatableFields: readonly string[];
  readonly ageGroups: AgeGroupConfig;
  /** the field holding the date of birth; MOSIP's sample uses `dateOfBirth` */
  readonly dateOfBirthField?: string;
  readonly now: Date;
}

/** How a form value appears to MVEL, close to what RS `RegistrationDTO` puts in its map. */
function mvelValueOf(v: FormFieldValue): MvelValue {
  switch (v.type) {
    case 'text': return v.value;
    case 'localized': return Object.entries(v.values).map(([language, value]) => ({ language, value }));
    case 'code': return v.code;
    case 'flag': return v.checked ? 'Y' : 'N';
    case 'document': return { type: v.documentType, format: v.format, value: v.storageId, refNumber: v.refNumber };
    case 'biometrics': return { captured: v.captured, exceptions: v.exceptions };
    default: return unreachable(v, 'field value');
  }
}

/** The resident's age, from the date-of-birth field; undefined when not (validly) entered. */
export function ageFromValues(values: Readonly<FormValues>, now: Date, dateOfBirthField = 'dateOfBirth'): number | undefined {
  const dob = values[dateOfBirthField];
  if (dob?.type !== 'text') return undefined;
  const date = parseMosipDate(dob.value);
  return date ? ageInYears(date, now) : undefined;
}

/**
 * The `{ identity: … }` context the UI-spec rules run against (RS `RegistrationDTO#getMVELDataContext`):
 * the field values, `age`, `ageGroup`, `_flow`, `_process`, `langCodes`, `updatableFields`,
 * `updatableFieldGroups`, `isBioException`, plus the `isNew`/`isUpdate`/`isLost`/`isChild` flags that
 * MOSIP's published specs also use. Computed keys win over a field of the same name.
 */
export function buildMvelContext(input: MvelContextInput): MvelContext {
  const identity: Record<string, MvelValue> = {};
  for (const [id, value] of Object.entries(input.values)) identity[id] = mvelValueOf(value);
  const age = ageFromValues(input.values, input.now, input.dateOfBirthField);
  const isBioException = Object.values(input.values).some((v) => v.type === 'biometrics' && v.exceptions.length > 0);
  Object.assign(identity, {
    age: age ?? null,
    ageGroup: age === undefined ? null : (ageGroupOf(age, input.ageGroups) ?? null),
    isChild: age !== undefined && isChildAge(age, input.ageGroups),
    _flow: input.flow,
    _process: input.process,
    isNew: input.flow === 'NEW',
    isUpdate: input.flow === 'UPDATE',
    isLost: input.flow === 'LOST',
    langCodes: [...input.languages],
    updatableFieldGroups: [...input.selectedGroups],
    updatableFields: [...input.updatableFields],
    isBioException,
  });
  return { identity };
}
