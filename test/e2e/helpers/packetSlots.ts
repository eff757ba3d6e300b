import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { openSubpacketFiles } from '../../helpers/openSubpacket';

/** The STP demo spec's document fields, in screen order. */
export const DOCUMENT_FIELDS = ['proofOfIdentity', 'proofOfAddress', 'proofOfException'] as const;

/** One document slot as the preview shows it and as the packet holds it. */
export interface Slot {
  readonly category: string;
  readonly type: string;
  readonly refNumber: string | null;
  readonly pages: number;
}

/** A biometric field's exceptions as the packet holds them (CBEFF BIRs and packet_meta_info). */
export interface PacketExceptions {
  /** subtypes of the BIRs marked EXCEPTION=true (no image) */
  readonly missing: string[];
  /** the exception photo BIRs: `Type` ExceptionPhoto with an image (BDB) */
  readonly photos: { readonly subtype: string; readonly bdbBytes: number }[];
  /** packet_meta_info `exceptionBiometrics[field]` keys */
  readonly metaMissing: string[];
  /** packet_meta_info `biometrics[field].unknown` is there: the photo's retry and index record */
  readonly metaPhoto: boolean;
}

export interface PacketContents {
  readonly slots: Record<string, Slot>;
  readonly exceptions: PacketExceptions;
}

/** The address of the demo server simulator an app started with `startApp(…, { simulators: true })` printed. */
export function serverSimulatorBase(output: string): string {
  const base = /^Demo server simulator: (http:\/\/127\.0\.0\.1:\d+)/m.exec(output)?.[1];
  if (!base) throw new Error('the app did not print its server simulator address');
  return base;
}

/** The server simulator's admin API (`/_sim/…`, never behind faults). */
export async function serverAdmin(output: string, path: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', body?: unknown): Promise<unknown> {
  const reply = await fetch(`${serverSimulatorBase(output)}/_sim/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  assert.equal(reply.status, 200, `/_sim/${path}`);
  return reply.json();
}

/** The preview's documents: category and type from the rendered value, reference number and pages from its text. */
export async function previewSlots(page: Page): Promise<Record<string, Slot>> {
  const slots: Record<string, Slot> = {};
  for (const fieldId of DOCUMENT_FIELDS) {
    const shown = page.getByTestId(`preview-document-${fieldId}`);
    const text = (await shown.textContent()) ?? '';
    const pages = /(\d+) pages?\b/.exec(text);
    assert.ok(pages, `${fieldId}: the preview shows the pages (${text})`);
    const parts = text.split(' · ');
    slots[fieldId] = {
      category: (await shown.getAttribute('data-document-category'))!,
      type: (await shown.getAttribute('data-document-type'))!,
      refNumber: parts.length > 2 ? parts.at(-1)! : null,
      pages: Number(pages[1]),
    };
  }
  return slots;
}

type IdentityValue = { value: string; type: string; format: string; refNumber: string | null };
type Identity = Record<string, unknown>;

/** Every file and the merged ID.json and meta info of the one packet in `dataDir` (and its file name), decrypted with the simulator's registration key. */
export async function openPacket(dataDir: string, regKeyPem: string) {
  const packets = readdirSync(join(dataDir, 'packets')).filter((name) => name.endsWith('.zip'));
  assert.equal(packets.length, 1, 'one packet on disk');
  const regKey = createPrivateKey(regKeyPem);
  const packet = readFileSync(join(dataDir, 'packets', packets[0]!));
  const files = new Map<string, Buffer>();
  const identity: Identity = {};
  const metas: Identity[] = [];
  for (const name of ['id', 'evidence', 'optional'] as const) {
    const subpacket = await openSubpacketFiles(packet, regKey, name);
    const json = (file: string) => (JSON.parse(subpacket.get(file)!.toString('utf8')) as { identity: Identity }).identity;
    Object.assign(identity, json('ID.json'));
    metas.push(json('packet_meta_info.json'));
    for (const [file, bytes] of subpacket) files.set(file, bytes);
  }
  return { files, identity, metas, packetFile: packets[0]! };
}

/** The BIRs of a CBEFF file: type, subtype, whether it is an exception, its image size. */
function birsOf(xml: string): { type: string; subtype: string; exception: boolean; bdbBytes: number }[] {
  return [...xml.matchAll(/<BIR>([\s\S]*?)<\/BIR>/g)].map(([, bir]) => ({
    // BDBInfo's own Type (Format and Quality have one each too), after CreationDate; a face's Subtype is empty (<Subtype/>)
    type: /<\/CreationDate>\s*<Type>([^<]*)<\/Type>/.exec(bir!)?.[1] ?? '',
    subtype: /<Subtype>([^<]*)<\/Subtype>/.exec(bir!)?.[1] ?? '',
    exception: /key="EXCEPTION">true</.test(bir!),
    bdbBytes: Buffer.from(/<BDB>([^<]*)<\/BDB>/.exec(bir!)?.[1] ?? '', 'base64url').length,
  }));
}

/**
 * What the one packet in `dataDir` holds: each document slot (its subpacket's meta info and ID.json
 * must agree), and the exceptions of the biometric field `bioField`, decrypted with `regKeyPem`.
 */
export async function packetContents(dataDir: string, regKeyPem: string, bioField = 'individualBiometrics'): Promise<PacketContents> {
  const { files, identity, metas } = await openPacket(dataDir, regKeyPem);
  const listed = metas.flatMap((m) => (m['documents'] ?? []) as { documentName: string; documentCategory: string; documentType: string; refNumber: string | null }[]);
  const slots: Record<string, Slot> = {};
  for (const fieldId of DOCUMENT_FIELDS) {
    const doc = identity[fieldId] as IdentityValue;
    const meta = listed.find((m) => m.documentName === fieldId)!;
    assert.deepEqual([meta.documentType, meta.refNumber], [doc.type, doc.refNumber], `${fieldId}: meta info and ID.json agree`);
    const bytes = files.get(`${doc.value}.${doc.format}`)!;
    const pages = doc.format === 'pdf' ? (await PDFDocument.load(bytes)).getPageCount() : 1;
    slots[fieldId] = { category: meta.documentCategory, type: doc.type, refNumber: doc.refNumber, pages };
  }
  const cbeff = identity[bioField] as IdentityValue;
  const birs = birsOf(files.get(`${cbeff.value}.xml`)!.toString('utf8'));
  const metaOf = (key: string) => metas.map((m) => (m[key] as Record<string, Record<string, unknown>> | undefined)?.[bioField]).find((v) => v !== undefined) ?? {};
  return {
    slots,
    exceptions: {
      missing: birs.filter((b) => b.exception).map((b) => b.subtype),
      photos: birs.filter((b) => b.type === 'ExceptionPhoto').map((b) => ({ subtype: b.subtype, bdbBytes: b.bdbBytes })),
      metaMissing: Object.keys(metaOf('exceptionBiometrics')),
      metaPhoto: 'unknown' in metaOf('biometrics'),
    },
  };
}
