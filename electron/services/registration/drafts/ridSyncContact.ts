import type { RidSyncContact } from '../../../../schemas/packet';
import type { DemographicValue } from '../../../../schemas/registration';
import type { UiField } from '../../../../schemas/uiSpec';

/**
 * As registration-client RegistrationDAOImpl.save (release-1.2.0.x) fills RegistrationDataDto,
 * which PacketSynchServiceImpl.getPacketSyncDtoList sends in the RID sync: the name is the values
 * of every spec field whose subType is `name` joined by a space; email and phone are the first
 * field with subType `Email` / `Phone` (compared ignoring case); a multi-language value gives its
 * value in `language` (Java: the application language), a plain value itself.
 */
export function ridSyncContact(fields: readonly UiField[], demographics: Readonly<Record<string, DemographicValue>>, language: string): RidSyncContact {
  const bySubType = (subType: string) => fields.filter((f) => f.subType?.toLowerCase() === subType);
  const valueOf = (field: UiField | undefined): string | null => {
    const value = field ? demographics[field.id] : undefined;
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.find((v) => v.language === language)?.value ?? null;
    return null;
  };
  const names = bySubType('name').map(valueOf).filter((v): v is string => v !== null);
  return {
    // Java joins whatever it found, so an empty list gives "", which it sends as such
    name: names.join(' '),
    email: valueOf(bySubType('email')[0]),
    phone: valueOf(bySubType('phone')[0]),
  };
}
