import { z } from 'zod';

/**
 * Text per language code (`{"por": "Nome", "eng": "Name"}`); `{}` and missing languages occur in
 * MOSIP data. Its own module, with the thumbnail below, so that lists which show them (the outbox,
 * `regclient packets list`) do not load the registration and UI-spec schemas at start-up.
 */
export const LocalizedText = z.record(z.string(), z.string());
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Longest thumbnail kept, in base64 characters (about 20 kB of JPEG). */
export const MAX_THUMBNAIL_BASE64 = 27_000;

/** A small JPEG, base64; null when the capture holds no image a browser can show (e.g. JPEG 2000, WSQ). */
export const Thumbnail = z.string().max(MAX_THUMBNAIL_BASE64).nullable();
