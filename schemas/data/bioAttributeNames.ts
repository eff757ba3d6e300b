import { z } from 'zod';
import { LanguageCode } from '../operators';
import { BioAttribute } from '../registration';
import namesJson from './bioAttributeNames.json';

/** Each finger, eye and the face, named in one language. */
export const BioAttributeNames = z.record(BioAttribute, z.string().min(1));
export type BioAttributeNames = z.infer<typeof BioAttributeNames>;

/**
 * The one list of finger, eye and face names, for the screen (i18n `registration.attribute.*`) and
 * the printed receipt alike, so the resident reads the same word on both. Portuguese uses the
 * standard "Mínimo" for the little finger ("Mindinho" is colloquial).
 */
export const BIO_ATTRIBUTE_NAMES: Readonly<Record<LanguageCode, BioAttributeNames>> = z.record(LanguageCode, BioAttributeNames).parse(namesJson);
