import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { UploadedFile } from '../../../schemas/api/registrationApi';
import type { FormFieldValue } from '../../../schemas/registrationForm';
import { TRUST_DIR } from '../../../electron/services/devices/DevicesService';
import { REGISTRATION_CERT_PATH } from '../../../electron/services/packets/RegistrationCertProvider';
import type { SbiSimulator } from '../../sims/sbi/SbiSimulator';

/** Values and set-up shared by the Router-level registration tests (not a test file itself). */

/** A small scanned page: a PNG or a JPEG of `w`×`h` grey pixels. */
export function scan(kind: 'png' | 'jpg', w = 40, h = 30): UploadedFile {
  const data = Buffer.alloc(w * h * 4, 0xc0);
  if (kind === 'jpg') return { name: 'page.jpg', mimeType: 'image/jpeg', base64: Buffer.from(jpeg.encode({ data, width: w, height: h }, 80).data).toString('base64') };
  const png = new PNG({ width: w, height: h });
  data.copy(png.data);
  return { name: 'page.png', mimeType: 'image/png', base64: PNG.sync.write(png).toString('base64') };
}

export const two = (por: string, eng: string): FormFieldValue => ({ type: 'localized', values: { por, eng } });

/** A complete adult NEW registration in the STP demo spec's field ids. */
export const DEMOGRAPHICS: Readonly<Record<string, FormFieldValue>> = {
  consent: { type: 'flag', checked: true },
  preferredLang: { type: 'code', code: 'por' },
  fullName: two('Maria Quaresma Neves', 'Maria Quaresma Neves'),
  dateOfBirth: { type: 'text', value: '1990/05/17' },
  gender: { type: 'code', code: 'FLE' },
  residenceStatus: { type: 'code', code: 'NAT' },
  region: { type: 'code', code: 'ST' },
  province: { type: 'code', code: 'AGR' },
  city: two('São Tomé', 'São Tomé'),
  addressLine1: two('Rua de Santo António', 'Santo António Street'),
  phone: { type: 'text', value: '+2399912345' },
};

/** packet_meta_info.json's operationsData as label → value. */
export function operationsData(meta: unknown): Record<string, string | null> {
  const list = (meta as { operationsData: { label: string; value: string | null }[] }).operationsData;
  return Object.fromEntries(list.map((e) => [e.label, e.value]));
}

/**
 * What a set-up machine has in its data dir: the device simulator's CA trusted and, unless the
 * test's down-sync brings it, a REGISTRATION certificate to encrypt packets to.
 */
export function prepareDataDir(dataDir: string, simulator: SbiSimulator, regCertPem?: string): void {
  mkdirSync(join(dataDir, TRUST_DIR), { recursive: true });
  writeFileSync(join(dataDir, TRUST_DIR, 'device-ca.pem'), simulator.pki.deviceCaPem);
  if (regCertPem === undefined) return;
  mkdirSync(join(dataDir, 'certs'), { recursive: true });
  writeFileSync(join(dataDir, REGISTRATION_CERT_PATH), regCertPem);
}
