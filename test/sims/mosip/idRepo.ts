import type { MosipSimulator } from './MosipSimulator';
import type { SimIdentity, SimPacket } from './SimState';

/**
 * The simulator's ID repository and the UIN generator stage's choice between "new identity" and
 * "update identity", as regproc makes it (mosip/registration release-1.2.0.x,
 * registration-processor-uin-generator-stage `UinGeneratorStage.process`): no UIN in the packet →
 * a new UIN and a new identity (`sendIdRepoWithUin`); a UIN and an internal process of UPDATE →
 * the packet's fields merged into that identity (`uinUpdate` → idrepo update). CRVS processes reach
 * those branches through `registration.processor.additional-process.category-mapping`
 * (`Utilities.getInternalProcess`; the stage's test maps `CRVS_UPDATE` → `UPDATE`). A death is
 * thus an update that writes `declaredAsDeceased` into the identity: the UIN stays active (MOSIP's
 * CRVS design: "the UIN is not deactivated", a deceased flag is set).
 * Its own code: it never imports the client.
 */

/**
 * The mapping this simulator is configured with (a deployment's registration-processor-default
 * properties; the values for CRVS_NEW / CRVS_DEATH are not published in mosip-config 1.2.0.x, so
 * they are this deployment's choice: a birth is a new identity, a death an update).
 */
export const ADDITIONAL_PROCESS_CATEGORY: Readonly<Record<string, string>> = { CRVS_NEW: 'NEW', CRVS_DEATH: 'UPDATE' };

/** `Utilities.getInternalProcess`: the mapped process, or "" when the process is not mapped. */
export function internalProcess(process: string): string {
  return ADDITIONAL_PROCESS_CATEGORY[process] ?? '';
}

// Verhoeff tables: MOSIP's kernel idgenerator appends a Verhoeff check digit to every UIN and VID.
const D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]];
const P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]];
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** `body` followed by its Verhoeff check digit. */
export function withCheckDigit(body: string): string {
  let c = 0;
  [0, ...[...body].reverse().map(Number)].forEach((digit, i) => {
    c = D[c]![P[i % 8]![digit]!]!;
  });
  return `${body}${INV[c]}`;
}

function identities(sim: MosipSimulator): Record<string, SimIdentity> {
  sim.state.data.identities ??= {};
  return sim.state.data.identities;
}

/** The next UIN: 10 digits, the last a Verhoeff check digit, as the kernel's UIN generator makes them. */
export function nextUin(sim: MosipSimulator): string {
  sim.state.data.uinCounter += 1;
  return withCheckDigit(String(200_000_000 + sim.state.data.uinCounter * 7919));
}

/** Adds an identity (admin seeding: a person registered before the test). */
export function putIdentity(sim: MosipSimulator, fields: Readonly<Record<string, unknown>>, vids: readonly string[] = [], uin?: string): SimIdentity {
  const id = uin ?? nextUin(sim);
  const identity: SimIdentity = { uin: id, vids: [...vids], fields: { ...fields, UIN: id }, registrationIds: [], deceased: false };
  identities(sim)[id] = identity;
  sim.state.save();
  return identity;
}

/** The identity a UIN or a VID names (`registration.processor.vid-support-for-update`), if any. */
export function findIdentity(sim: MosipSimulator, uinOrVid: string): SimIdentity | undefined {
  const all = identities(sim);
  return all[uinOrVid] ?? Object.values(all).find((i) => i.vids.includes(uinOrVid));
}

/** Every stored identity (admin `GET identities`). */
export function listIdentities(sim: MosipSimulator): SimIdentity[] {
  return Object.values(identities(sim));
}

/**
 * The UIN generator stage for one packet whose ID.json the packet validator read. Returns the UIN
 * the packet ends with, or the reason it fails (regproc: FAILED with `RPR-UGS-…`; the simulator
 * reports it as REJECTED with that reason). Packets of other processes keep the simulator's older
 * behaviour (a fresh UIN each), so only CRVS packets are judged against the repository.
 */
export function generateUin(sim: MosipSimulator, packet: SimPacket): { uin: string } | { reason: string } {
  const fields = { ...(packet.idJson ?? {}) };
  // an UPDATE of an identity the repository holds updates it, as the UIN generator's uinUpdate does;
  // other UPDATEs keep the simulator's older behaviour (a fresh UIN)
  const isKnownUpdate = packet.registrationType === 'UPDATE' && typeof fields['UIN'] === 'string' && findIdentity(sim, fields['UIN']) !== undefined;
  const internal = isKnownUpdate ? 'UPDATE' : internalProcess(packet.registrationType);
  if (internal === '') return { uin: nextUin(sim) };
  delete fields['IDSchemaVersion'];
  const typed = typeof fields['UIN'] === 'string' ? fields['UIN'] : '';
  if (typed === '') {
    const identity = putIdentity(sim, fields);
    identity.registrationIds.push(packet.registrationId);
    return { uin: identity.uin };
  }
  const identity = internal === 'UPDATE' ? findIdentity(sim, typed) : undefined;
  // idrepo answers "No Record(s) found" (IDR-IDC-007) and the stage fails the packet
  if (!identity) return { reason: `IDR-IDC-007 no identity for ${typed}` };
  delete fields['UIN'];
  identity.fields = { ...identity.fields, ...fields };
  identity.registrationIds.push(packet.registrationId);
  identity.deceased = isDeclaredDeceased(identity.fields['declaredAsDeceased']);
  return { uin: identity.uin };
}

/** The flag's value as the client writes a checkbox (`Y`), or a JSON boolean / "true" from createPacket. */
function isDeclaredDeceased(value: unknown): boolean {
  return value === true || value === 'Y' || value === 'true';
}
