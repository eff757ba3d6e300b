import { AppError } from '../../../schemas/errors';

/**
 * Decodes standard base64, rejecting any character outside the alphabet: Node's decoder skips
 * such characters silently, so a shorter result than the length implies means bad input.
 * @throws AppError ERR_PACKET_INPUT_INVALID naming `field`
 */
export function decodeBase64Strict(text: string, field: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (text.length % 4 !== 0 || bytes.length !== (text.length / 4) * 3 - padding) {
    throw new AppError('ERR_PACKET_INPUT_INVALID', { issues: [{ field, rule: 'base64', message: `${field} is not standard base64` }], first: `${field}: base64` });
  }
  return bytes;
}
