import { BIO_ATTRIBUTE_NAMES } from '../../../schemas/data/bioAttributeNames';
import type { BioAttribute } from '../../../schemas/registration';

/** The receipt languages: Latin ones print with the built-in Helvetica (WinAnsi), Arabic with Noto Naskh Arabic. */
export const RECEIPT_LANGUAGES = ['por', 'eng', 'fra', 'ara'] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

/** `separator` joins the names of a list (Arabic has its own comma). */
type Texts = Readonly<Record<'title' | 'rid' | 'process' | 'date' | 'centre' | 'machine' | 'operator' | 'demographics' | 'documents' | 'biometrics' | 'captured' | 'exceptions' | 'none' | 'keep' | 'qrAlt' | 'separator', string>>;

/** Fixed receipt wording per language (Portuguese as used in São Tomé e Príncipe). */
export const RECEIPT_TEXT: Readonly<Record<ReceiptLanguage, Texts>> = {
  por: {
    title: 'Comprovativo de registo', rid: 'N.º de pedido (RID)', process: 'Tipo de pedido', date: 'Data', centre: 'Centro de registo',
    machine: 'Posto', operator: 'Operador', demographics: 'Dados pessoais', documents: 'Documentos entregues', biometrics: 'Biometria',
    captured: 'Recolhidos', exceptions: 'Exceções', none: 'Nenhum', keep: 'Guarde este comprovativo: o número de pedido permite acompanhar o seu processo.',
    qrAlt: 'Código QR do número de pedido', separator: ', ',
  },
  eng: {
    title: 'Acknowledgement receipt', rid: 'Application ID (RID)', process: 'Application type', date: 'Date', centre: 'Registration centre',
    machine: 'Machine', operator: 'Operator', demographics: 'Personal details', documents: 'Documents provided', biometrics: 'Biometrics',
    captured: 'Captured', exceptions: 'Exceptions', none: 'None', keep: 'Keep this receipt: the application ID lets you follow your application.',
    qrAlt: 'QR code of the application ID', separator: ', ',
  },
  fra: {
    title: "Récépissé d'inscription", rid: 'N° de demande (RID)', process: 'Type de demande', date: 'Date', centre: "Centre d'inscription",
    machine: 'Poste', operator: 'Opérateur', demographics: 'Données personnelles', documents: 'Documents fournis', biometrics: 'Biométrie',
    captured: 'Capturés', exceptions: 'Exceptions', none: 'Aucun', keep: 'Conservez ce récépissé : le numéro de demande permet de suivre votre dossier.',
    qrAlt: 'Code QR du numéro de demande', separator: ', ',
  },
  ara: {
    title: 'إيصال التسجيل', rid: 'رقم الطلب (RID)', process: 'نوع الطلب', date: 'التاريخ', centre: 'مركز التسجيل',
    machine: 'الجهاز', operator: 'الموظف', demographics: 'البيانات الشخصية', documents: 'المستندات المقدَّمة', biometrics: 'القياسات الحيوية',
    captured: 'الملتقطة', exceptions: 'الاستثناءات', none: 'لا شيء', keep: 'احتفظ بهذا الإيصال: يتيح لك رقم الطلب متابعة طلبك.',
    qrAlt: 'رمز QR لرقم الطلب', separator: '، ',
  },
};

/** "Polegar esquerdo", "Left thumb", "Pouce gauche", …: the names the screen shows (one source, in schemas/). */
export function bioAttributeName(attribute: BioAttribute, language: ReceiptLanguage): string {
  return BIO_ATTRIBUTE_NAMES[language][attribute];
}

export const PROCESS_NAMES: Readonly<Record<ReceiptLanguage, Readonly<Record<string, string>>>> = {
  por: { NEW: 'Novo registo', UPDATE: 'Atualização de dados', LOST: 'NUI perdido', BIOMETRIC_CORRECTION: 'Correção biométrica', CRVS_NEW: 'Nascimento (registo civil)', CRVS_DEATH: 'Óbito (registo civil)' },
  eng: { NEW: 'New registration', UPDATE: 'Update UIN', LOST: 'Lost UIN', BIOMETRIC_CORRECTION: 'Biometric correction', CRVS_NEW: 'Birth (civil registration)', CRVS_DEATH: 'Death (civil registration)' },
  fra: { NEW: 'Nouvelle inscription', UPDATE: 'Mise à jour du NUI', LOST: 'NUI perdu', BIOMETRIC_CORRECTION: 'Correction biométrique', CRVS_NEW: 'Naissance (état civil)', CRVS_DEATH: 'Décès (état civil)' },
  ara: { NEW: 'تسجيل جديد', UPDATE: 'تحديث البيانات', LOST: 'رقم تعريف مفقود', BIOMETRIC_CORRECTION: 'تصحيح القياسات الحيوية', CRVS_NEW: 'ولادة (السجل المدني)', CRVS_DEATH: 'وفاة (السجل المدني)' },
};
