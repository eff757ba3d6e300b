/**
 * OpenCRVS National ID webhook bodies (`MosipInteropPayload` of `@opencrvs/mosip`: trackingId,
 * notification, requestFields, metaInfo, audit; `eventId` since OpenCRVS 2.1), with the
 * requestFields keyed by the MOSIP ID schema field ids, as the countryconfig maps them.
 */

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A REGISTERED birth, numbered `n`: a child born 20 days before `now`, registered 5 days before. */
export function birthEvent(n: number, now: number, parentUin: string): Record<string, unknown> {
  return {
    trackingId: `B${String(n).padStart(6, '0')}`,
    eventId: `birth-${n}`,
    notification: { recipientFullName: 'Maria da Graça Quaresma', recipientEmail: '', recipientPhone: '+239990000' },
    requestFields: {
      birthCertificateNumber: `AG-2026/${String(n).padStart(5, '0')}`,
      fullName: `Criança ${n} Trovoada`,
      dateOfBirth: iso(now - 20 * DAY),
      gender: 'Feminino',
      region: 'São Tomé',
      province: 'Água Grande',
      birthRegistrationDate: iso(now - 5 * DAY),
      introducerName: 'Maria da Graça Quaresma',
      introducerUIN: parentUin,
    },
    metaInfo: { metaData: '[]' },
    audit: { eventType: 'BIRTH_REGISTERED' },
  };
}

/** A REGISTERED death, numbered `n`, of the identity `uin`. */
export function deathEvent(n: number, now: number, uin: string): Record<string, unknown> {
  return {
    trackingId: `D${String(n).padStart(6, '0')}`,
    eventId: `death-${n}`,
    notification: { recipientFullName: 'Informante', recipientEmail: '', recipientPhone: '' },
    requestFields: { deathCertificateNumber: `OB-2026/${String(n).padStart(5, '0')}`, UIN: uin, deceasedDeclarationDate: iso(now - DAY), typeOfDeath: 'Natural' },
    metaInfo: {},
    audit: { eventType: 'DEATH_REGISTERED' },
  };
}
