import { BiometricAttemptResult, DraftSummary, SubmitResult, type UploadedFile } from '../../../../../../schemas/api/registrationApi';
import type { AckReceipt } from '../../../../../../schemas/ackReceipt';
import type { EventName, EventPayload } from '../../../../../../schemas/api/contract';
import { loadStpFormBundle } from '../../../../../../schemas/data/stpDemoSpecs';
import { AppError } from '../../../../../../schemas/errors';
import type { BioAttribute } from '../../../../../../schemas/registration';
import { FormFieldValue, RegistrationDraft } from '../../../../../../schemas/registrationForm';
import type { Modality } from '../../../../../../schemas/sbi';
import type { RegistrationApi } from '../../../../../../renderer/features/registration/store/registrationApi';
import { MODALITY_ATTRIBUTES } from '../../../../../../renderer/features/registration/store/slices/biometrics/bioModalities';

const THRESHOLD: Readonly<Record<Modality, number>> = { 'left-slap': 40, 'right-slap': 40, thumbs: 40, iris: 60, face: 90, 'exception-photo': 0 };
const ATTEMPTS = 3;
const SUBTYPE: Readonly<Partial<Record<BioAttribute, string>>> = {
  leftIndex: 'Left IndexFinger', leftMiddle: 'Left MiddleFinger', leftRing: 'Left RingFinger', leftLittle: 'Left LittleFinger', leftThumb: 'Left Thumb',
  rightIndex: 'Right IndexFinger', rightMiddle: 'Right MiddleFinger', rightRing: 'Right RingFinger', rightLittle: 'Right LittleFinger', rightThumb: 'Right Thumb',
  leftEye: 'Left', rightEye: 'Right',
};
/** the document size limit (base64 characters stand in for bytes here) */
export const FAKE_DOCUMENT_LIMIT = 2_000;

/**
 * A stand-in for the registration back end until its handlers land in contract.ts: the same
 * contract, outputs parsed with the contract's schemas so the store only ever sees valid values.
 * Capture scores come from `scores` (default 80), one per attempt, in call order.
 */
/** The one PRID the fake knows (the simulator's first seeded application). */
export const FAKE_PRID = '37162804952017';

/** The fake's receipt: what the back end composes for the harness resident (Portuguese), with the real QR code of its RID. */
export const FAKE_RECEIPT: AckReceipt = {
  language: 'por',
  createdAt: Date.parse('2026-11-22T08:00:00Z'),
  title: 'Comprovativo de registo',
  rid: { label: 'N.º de pedido (RID)', value: '10001100010000120261122080000' },
  qr: { pngDataUrl: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAFwAAABcCAYAAADj79JYAAAAAklEQVR4AewaftIAAAJkSURBVO3BQWpkQQwFwUzx73/lN16KXpQpuke2QRHmC2tMsUYVa1SxRj28UJmUhE7lk5LQqUxKQlesUcUaVaxRD99IwiepnCThROUkCTeS8EkqJ8UaVaxRxRr1cEnlRhLeoTJJ5UYSbhRrVLFGFWvUwy+jcpKEE5UuCb9JsUYVa1SxRj38MSpdEv6SYo0q1qhijXq4lITfRKVLwjuS8D8Va1SxRhVr1MM3VH5SEjqVLgmdSpeEE5VJxRpVrFHFGvXwIgl/icqNJPykYo0q1qhijXp4odIl4YZKl4RO5YZKl4ROpUtCp/JJSThR6ZLQFWtUsUYVa9TDm1S6JHQqXRI6lS4JJypdEjqVkyScqHRJ6FTeUaxRxRpVrFHmCxdUuiR0Kp+UhBOVLgknKu9IQqfSJeGkWKOKNapYox5eqJwk4R1J6FRuqNxQ6ZJwQ+UkCZ1Kl4SuWKOKNapYox5eJKFTOVE5SUKn0iWhU+lUTpLQqXxSEj6pWKOKNapYox6+kYSTJNxIwo0kfJLKSRI6lS4JncqNYo0q1qhijXp4oTIpCTdUTpLQqdxQeUcSToo1qlijijXq4RtJ+CSVkyScJKFTOUnCiconqXRJ6Io1qlijijXq4ZLKjSTcUOmScJKETqVLwkkSbqh0SehUToo1qlijijXq4ZdJwolKl4QbKl0S3qFyo1ijijWqWKMefjmVLgmdSpeETuVE5UYS3lGsUcUaVaxRD5eSMCkJncqJSpeEGyo3VLoknBRrVLFGFWvUwzdUJql0SThJQqfyP6mcqHRJ6Io1qlijijXKfGGNKdaoYo0q1qh/7nz81aRSKGAAAAAASUVORK5CYII=', alt: 'Código QR do número de pedido 10001100010000120261122080000' },
  details: [
    { label: 'Tipo de pedido', value: 'Novo registo' }, { label: 'Data', value: '22/11/2026 08:00 UTC' }, { label: 'Centro de registo', value: 'Centro de Água Grande (10001)' },
    { label: 'Posto', value: '10001' }, { label: 'Operador', value: 'officer1' },
  ],
  sections: [
    { heading: 'Dados pessoais', lines: [{ label: 'Nome completo', value: 'Maria da Graça' }, { label: 'Data de nascimento', value: '1990/05/17' }, { label: 'Género', value: 'Feminino' }], none: 'Nenhum' },
    { heading: 'Documentos entregues', lines: [], none: 'Nenhum' },
    { heading: 'Biometria', lines: [{ label: 'Recolhidos (1)', value: 'Rosto' }, { label: 'Exceções (1)', value: 'Mínimo esquerdo' }], none: 'Nenhum' },
  ],
  keep: 'Guarde este comprovativo: o número de pedido permite acompanhar o seu processo.',
};

export class FakeRegistrationApi {
  readonly drafts = new Map<string, RegistrationDraft>();
  readonly calls: { method: string; input: unknown }[] = [];
  /** the document size limit (base64 characters); a camera page is larger than the default */
  documentLimit = FAKE_DOCUMENT_LIMIT;
  readonly scores: number[] = [];
  previewing: Modality | null = null;
  /** the logged-in officer's password, as the demo seeds it; drafts.submit checks it like packet_auth */
  operatorPassword = 'Officer#2026';
  /** the one supervisor the fake knows (the demo's), who reviews drafts with biometric exceptions */
  supervisor = { userId: 'supervisor1', password: 'Supervisor#2026' };
  /** the setting reviewerAuthentication */
  reviewerAuthentication = true;
  private authFailures = 0;
  private seq = 0;
  private readonly attempts = new Map<string, number[]>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(private readonly now: () => number) {}

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  listenerCount(name: EventName): number {
    return this.listeners.get(name)?.size ?? 0;
  }

  private record(method: string, input: unknown) {
    this.calls.push({ method, input: structuredClone(input) });
  }

  /** as the back end: a supervisor reviews a draft with any biometric exception while the setting is on */
  private reviewerRequired(draftId: string): boolean {
    return this.reviewerAuthentication && Object.values(this.draft(draftId).values).some((v) => v.type === 'biometrics' && v.exceptions.length > 0);
  }

  private draft(draftId: string): RegistrationDraft {
    const draft = this.drafts.get(draftId);
    if (!draft) throw new Error(`fake back end: no draft ${draftId}`);
    return draft;
  }

  private setValue(draftId: string, fieldId: string, value: FormFieldValue) {
    const draft = this.draft(draftId);
    this.drafts.set(draftId, { ...draft, values: { ...draft.values, [fieldId]: value } });
  }

  private capture(draftId: string, fieldId: string, modality: Modality, exceptionNames: readonly string[]) {
    const key = `${draftId}:${fieldId}:${modality}`;
    const score = this.scores.shift() ?? 80;
    const scores = [...(this.attempts.get(key) ?? []), score];
    this.attempts.set(key, scores);
    // as MOSIP keeps it: the best attempt, the latest on a tie
    const keptIndex = scores.reduce((kept, q, i) => (q >= scores[kept]! ? i : kept), 0);
    const threshold = THRESHOLD[modality];
    const decision = scores[keptIndex]! >= threshold ? 'accepted' : scores.length >= ATTEMPTS ? 'forceCaptured' : 'retry';
    const excepted = MODALITY_ATTRIBUTES[modality].filter((a) => exceptionNames.includes(SUBTYPE[a] ?? ''));
    const attributes = MODALITY_ATTRIBUTES[modality].filter((a) => !excepted.includes(a));
    const current = this.draft(draftId).values[fieldId];
    const captured = new Set<BioAttribute>(current?.type === 'biometrics' ? current.captured : []);
    const exceptions = new Set<BioAttribute>(current?.type === 'biometrics' ? current.exceptions : []);
    for (const a of attributes) captured.add(a);
    for (const a of excepted) exceptions.add(a);
    const value: FormFieldValue = { type: 'biometrics', captured: [...captured], exceptions: [...exceptions] };
    this.setValue(draftId, fieldId, value);
    // as the back end does (MOSIP 1.2.0): the exception photo is filed as the proof-of-exception document
    if (modality === 'exception-photo') this.setValue(draftId, 'proofOfException', { type: 'document', documentType: 'EOP', format: 'jpg', refNumber: null, storageId: `photo-${++this.seq}`, sizeBytes: 100 });
    return this.remember(draftId, BiometricAttemptResult.parse({
      fieldId, modality, decision, attempt: scores.length, attemptsLeft: Math.max(0, ATTEMPTS - scores.length), threshold, averageQuality: score,
      keptAttempt: keptIndex + 1, history: scores.map((q, i) => ({ attempt: i + 1, averageQuality: q, kept: i === keptIndex })), attributes: attributes.map((attribute) => ({ attribute, qualityScore: score, thumbnailBase64: null })), exceptions: excepted, value, warnings: [],
    }));
  }

  /** the latest answer per draft, field and modality, as drafts.biometrics gives it back on resume */
  private readonly lastResults = new Map<string, BiometricAttemptResult>();
  private remember(draftId: string, result: BiometricAttemptResult): BiometricAttemptResult {
    this.lastResults.set(`${draftId}:${result.fieldId}:${result.modality}`, result);
    return result;
  }

  /** The contract's methods, as the typed client exposes them. */
  readonly api: RegistrationApi = {
    'registration.formBundle': async (input) => {
      this.record('registration.formBundle', input);
      return loadStpFormBundle();
    },
    'drafts.create': async (input) => {
      this.record('drafts.create', input);
      const draft = RegistrationDraft.parse({ version: 1, draftId: `draft-${++this.seq}`, process: input.process, languages: input.languages, selectedGroups: [], values: {}, screenIndex: 0, reachedScreenIndex: 0, savedAt: this.now() });
      this.drafts.set(draft.draftId, draft);
      return draft;
    },
    'drafts.save': async (input) => {
      this.record('drafts.save', input);
      const stored = this.draft(input.draft.draftId);
      // as the back end does: biometric values are its own, never the page's
      const values = Object.fromEntries([...Object.entries(input.draft.values).filter(([, v]) => v.type !== 'biometrics'), ...Object.entries(stored.values).filter(([, v]) => v.type === 'biometrics')]);
      this.drafts.set(input.draft.draftId, RegistrationDraft.parse({ ...input.draft, values }));
      return { savedAt: input.draft.savedAt };
    },
    'drafts.list': async (input) => {
      this.record('drafts.list', input);
      return [...this.drafts.values()].map((d) => {
        const name = d.values.fullName;
        return DraftSummary.parse({ draftId: d.draftId, process: d.process, operatorId: 'officer1', residentName: name?.type === 'localized' ? (name.values[d.languages[0]!] ?? null) : null, screenIndex: d.screenIndex, savedAt: d.savedAt });
      });
    },
    'drafts.get': async (input) => {
      this.record('drafts.get', input);
      return structuredClone(this.draft(input.draftId));
    },
    'drafts.discard': async (input) => {
      this.record('drafts.discard', input);
      this.draft(input.draftId);
      this.drafts.delete(input.draftId);
      return {};
    },
    'drafts.attachDocument': async (input) => {
      this.record('drafts.attachDocument', { ...input, files: input.files.map((f: UploadedFile) => f.name) });
      const size = input.files.reduce((n, f) => n + f.base64.length, 0);
      const limit = this.documentLimit;
      if (size > limit) {
        throw new AppError('ERR_REG_DOCUMENT_TOO_LARGE', { name: input.files[0]!.name, sizeBytes: size, limitBytes: limit, sizeKb: Math.ceil(size / 1024), limitKb: Math.ceil(limit / 1024) });
      }
      const value = FormFieldValue.parse({ type: 'document', documentType: input.documentType, format: 'pdf', refNumber: input.refNumber, storageId: `doc-${++this.seq}`, sizeBytes: size });
      this.setValue(input.draftId, input.fieldId, value);
      return value;
    },
    'drafts.captureBiometrics': async (input) => {
      this.record('drafts.captureBiometrics', input);
      return this.capture(input.draftId, input.fieldId, input.modality, input.exceptions);
    },
    'drafts.biometrics': async (input) => {
      this.record('drafts.biometrics', input);
      this.draft(input.draftId);
      return [...this.lastResults.entries()].filter(([key]) => key.startsWith(`${input.draftId}:`)).map(([, result]) => structuredClone(result));
    },
    'drafts.applyPreRegistration': async (input) => {
      this.record('drafts.applyPreRegistration', input);
      const draft = this.draft(input.draftId);
      if (!/^\d{14}$/.test(input.prid)) throw new AppError('ERR_REG_PREREG_INVALID_ID', { prid: input.prid });
      if (input.prid !== FAKE_PRID) throw new AppError('ERR_REG_PREREG_UNKNOWN', { prid: input.prid, errorCode: 'PRG_PAM_APP_005' });
      const kept = Object.fromEntries(Object.entries(draft.values).filter(([id]) => id === 'consent' || id === 'preferredLang'));
      const next = RegistrationDraft.parse({ ...draft, values: { ...kept, fullName: { type: 'localized', values: { por: 'Maria da Graça Quaresma', eng: 'Maria da Graca Quaresma' } }, gender: { type: 'code', code: 'FLE' } }, preRegistrationId: input.prid });
      this.drafts.set(draft.draftId, next);
      return { draft: structuredClone(next), applied: { prid: input.prid, source: 'local' as const, prefilledFields: ['fullName', 'gender'], ignoredFields: [] } };
    },
    'drafts.validate': async (input) => {
      this.record('drafts.validate', input);
      return { issues: [], reviewerRequired: this.reviewerRequired(input.draftId) };
    },
    'drafts.submit': async (input) => {
      this.record('drafts.submit', input);
      const { draftId, reviewer } = input;
      const needsReviewer = this.reviewerRequired(draftId);
      if (needsReviewer && !reviewer) throw new AppError('ERR_REG_REVIEWER_REQUIRED', { draftId });
      if (needsReviewer && reviewer?.userId === 'officer1') throw new AppError('ERR_REG_REVIEWER_IS_OPERATOR', { draftId, userId: reviewer.userId });
      if (needsReviewer && reviewer?.userId !== this.supervisor.userId) throw new AppError('ERR_REG_REVIEWER_NOT_SUPERVISOR', { draftId, userId: reviewer?.userId ?? '' });
      if (input.password !== this.operatorPassword) {
        this.authFailures += 1;
        throw new AppError('ERR_REG_OPERATOR_AUTH_FAILED', { draftId, attemptsLeft: Math.max(0, 5 - this.authFailures) });
      }
      this.authFailures = 0;
      if (needsReviewer && reviewer?.password !== this.supervisor.password) throw new AppError('ERR_REG_REVIEWER_AUTH_FAILED', { draftId, userId: this.supervisor.userId, attemptsLeft: 4 });
      for (const [stage, fraction] of [['validate', 0.1], ['zip', 0.5], ['commit', 0.9], ['done', 1]] as const) this.emit('packets.onDidProgress', { draftId: input.draftId, stage, fraction });
      this.drafts.delete(input.draftId);
      // lint-allow-path: a file name the fake reports, never opened
      return SubmitResult.parse({ packet: { rid: '10001100010000120261122080000', packetId: '10001100010000120261122080000-10001_NEW-PACKET', file: '/tmp/p.zip', sha256: 'A'.repeat(64), size: 1234 }, receiptPdfBase64: 'JVBERi0xLjQK', receipt: FAKE_RECEIPT });
    },
    'devices.startPreview': async (input) => {
      this.record('devices.startPreview', input);
      this.previewing = input.modality;
      return {};
    },
    'devices.stopPreview': async (input) => {
      this.record('devices.stopPreview', input);
      this.previewing = null;
      return {};
    },
    on: (name, listener) => {
      const set = this.listeners.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      this.listeners.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
