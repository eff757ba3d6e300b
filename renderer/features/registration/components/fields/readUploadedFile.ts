import { UploadedFile } from '../../../../../schemas/api/registrationApi';

/** Reads a chosen file as the contract's `UploadedFile` (base64: the bridge carries JSON); null when its type is not JPEG, PNG or PDF. */
export async function readUploadedFile(file: File): Promise<UploadedFile | null> {
  const mimeType = UploadedFile.shape.mimeType.safeParse(file.type);
  if (!mimeType.success) return null;
  const dataUrl = await new Promise<string>((resolvePromise, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolvePromise(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('readUploadedFile: read failed'));
    reader.readAsDataURL(file);
  });
  return { name: file.name.slice(0, 255) || 'document', mimeType: mimeType.data, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}
