import jpeg from 'jpeg-js';
import type { SimPreRegistration } from './SimState';

/**
 * Demo pre-registration applications for São Tomé and Príncipe, in the ID-schema shape the
 * pre-registration service writes into `ID.json` (schemas/data/stp/idSchema.json): `simpleType`
 * fields as `[{language, value}]` in por and eng, dropdown choices as master-data codes (gender,
 * residenceStatus, region, province from schemas/data/stp/masterData.json), documents as
 * `{value, type, format, refNumber}` where `value` names the zip entry without its extension.
 */

const DAY = 86_400_000;

const pair = (por: string, eng: string) => [
  { language: 'por', value: por },
  { language: 'eng', value: eng },
];
const code = (value: string) => pair(value, value);

/** `yyyy-MM-dd` of `ms`, UTC. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A one-page PDF that says `title` (hand-built, with a correct xref, so any PDF reader opens it). */
export function tinyPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A small grey "scan" JPEG with a darker band, as a phone photo of a bill would be. */
export function tinyJpeg(width = 120, height = 80): Buffer {
  const data = Buffer.alloc(width * height * 4, 0xd0);
  for (let y = 20; y < 30; y++) data.fill(0x40, y * width * 4, (y + 1) * width * 4);
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

/** The seeded applications; `now` places the appointments inside the 7-day download window. */
export function seedPreRegistrations(now: number): Record<string, SimPreRegistration> {
  const apps: SimPreRegistration[] = [
    {
      prid: '37162804952017',
      centreId: '10001',
      appointmentDate: isoDate(now + DAY),
      fromTimeSlot: '09:00',
      toTimeSlot: '09:15',
      status: 'Booked',
      updatedAt: now,
      identity: {
        IDSchemaVersion: 0.1,
        fullName: pair('Maria da Graça Quaresma', 'Maria da Graca Quaresma'),
        dateOfBirth: '1988/03/14',
        gender: code('FLE'),
        residenceStatus: code('NAT'),
        region: code('ST'),
        province: code('AGR'),
        city: pair('São Tomé', 'Sao Tome'),
        addressLine1: pair('Rua 3 de Fevereiro, 12', '12 Third of February Street'),
        phone: '+2399912345',
        email: 'maria.quaresma@example.st',
        preferredLang: 'por',
        proofOfIdentity: { value: 'POI_bilhete_identidade', type: 'CIN', format: 'pdf', refNumber: 'BI-1988-0314' },
        proofOfAddress: { value: 'POA_fatura_emae', type: 'UTILITY_BILL', format: 'jpg', refNumber: null },
      },
      documents: [
        { name: 'POI_bilhete_identidade.pdf', base64: tinyPdf('Bilhete de Identidade - Maria da Graca Quaresma').toString('base64') },
        { name: 'POA_fatura_emae.jpg', base64: tinyJpeg().toString('base64') },
      ],
    },
    {
      prid: '48210593716024',
      centreId: '10001',
      appointmentDate: isoDate(now + 2 * DAY),
      fromTimeSlot: '10:30',
      toTimeSlot: '10:45',
      status: 'Booked',
      updatedAt: now,
      identity: {
        IDSchemaVersion: 0.1,
        fullName: pair('João Pedro Trovoada', 'Joao Pedro Trovoada'),
        dateOfBirth: '1975/11/02',
        gender: code('MLE'),
        residenceStatus: code('NAT'),
        region: code('ST'),
        province: code('MZC'),
        city: pair('Trindade', 'Trindade'),
        addressLine1: pair('Bairro da Boa Morte', 'Boa Morte quarter'),
        phone: '9987654',
        proofOfIdentity: { value: 'POI_passaporte', type: 'PASSPORT', format: 'pdf', refNumber: 'P0458812' },
        proofOfAddress: { value: 'POA_atestado_residencia', type: 'RESIDENCE_CERTIFICATE', format: 'pdf', refNumber: null },
      },
      documents: [
        { name: 'POI_passaporte.pdf', base64: tinyPdf('Passaporte - Joao Pedro Trovoada').toString('base64') },
        { name: 'POA_atestado_residencia.pdf', base64: tinyPdf('Atestado de residencia - Trindade').toString('base64') },
      ],
    },
    {
      // already used: its registration packet was processed (MOSIP moves it to the consumed table)
      prid: '59302817465093',
      centreId: '10001',
      appointmentDate: isoDate(now - 3 * DAY),
      fromTimeSlot: '08:00',
      toTimeSlot: '08:15',
      status: 'Consumed',
      updatedAt: now - 3 * DAY,
      identity: { IDSchemaVersion: 0.1, fullName: pair('Ana Lima Viegas', 'Ana Lima Viegas'), dateOfBirth: '1992/07/21', gender: code('FLE') },
      documents: [],
    },
  ];
  return Object.fromEntries(apps.map((a) => [a.prid, a]));
}
