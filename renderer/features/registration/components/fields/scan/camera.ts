import type { CameraInfo, CameraProblem } from '../../../store/initialState';

/** The part of `navigator.mediaDevices` the scan panel uses (a fake in tests). */
export type CameraDevices = Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'>;

/** A started camera: the stream for the `<video>`, the cameras to choose from, the one streaming. */
export interface OpenedCamera {
  readonly stream: MediaStream;
  readonly cameras: readonly CameraInfo[];
  readonly cameraId: string | null;
}

/** Thrown when the page has no camera API at all (an insecure origin, or a browser without one). */
export class CameraUnsupportedError extends Error {
  override readonly name = 'CameraUnsupportedError';
}

/**
 * What to ask for: the chosen camera exactly, or else the back ("environment") camera when there is
 * one, as a document camera or a tablet's rear camera photographs paper best. 1920×1080 is ideal,
 * not required: a 640×480 webcam still works, and the back end downscales what is larger.
 */
export function videoConstraints(requestedCameraId: string | null): MediaTrackConstraints {
  const size = { width: { ideal: 1920 }, height: { ideal: 1080 } };
  return requestedCameraId ? { ...size, deviceId: { exact: requestedCameraId } } : { ...size, facingMode: { ideal: 'environment' } };
}

/**
 * Maps a getUserMedia failure to what the operator can act on. Names from the Media Capture spec
 * (https://www.w3.org/TR/mediacapture-streams/#dom-mediadevices-getusermedia) plus the older
 * Chromium names (PermissionDeniedError, DevicesNotFoundError, TrackStartError).
 */
export function cameraProblem(err: unknown): CameraProblem {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    // the chosen camera (deviceId exact) was unplugged
    case 'OverconstrainedError':
      return 'noCamera';
    case 'NotReadableError':
    case 'TrackStartError':
    // Chromium: "Timeout starting video source", another program holds the camera
    case 'AbortError':
      return 'busy';
    case 'CameraUnsupportedError':
      return 'unsupported';
    default:
      return 'failed';
  }
}

/** The video inputs, in the browser's order; labels stay empty where the browser hides them. */
export function videoInputs(devices: readonly Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>[]): CameraInfo[] {
  return devices.filter((d) => d.kind === 'videoinput' && d.deviceId !== '').map((d) => ({ deviceId: d.deviceId, label: d.label }));
}

/** Stops every track: the camera light goes off and the device is free for other programs. */
export function stopCamera(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * Starts the camera. Devices are listed after access is granted, because only then do they carry
 * labels ("Integrated Camera", "IPEVO V4K") the operator can recognise.
 * @throws the getUserMedia DOMException (see `cameraProblem`), or CameraUnsupportedError
 */
export async function openCamera(devices: CameraDevices | undefined, requestedCameraId: string | null): Promise<OpenedCamera> {
  if (!devices || typeof devices.getUserMedia !== 'function') throw new CameraUnsupportedError('openCamera: navigator.mediaDevices is not available');
  const stream = await devices.getUserMedia({ video: videoConstraints(requestedCameraId), audio: false });
  try {
    const cameras = videoInputs(await devices.enumerateDevices());
    const cameraId = stream.getVideoTracks()[0]?.getSettings().deviceId ?? null;
    return { stream, cameras, cameraId };
  } catch (err) {
    stopCamera(stream);
    throw err;
  }
}

/** Longest side of a taken page, in pixels: an A4 page at about 170 dpi, as the back end keeps it. */
export const PAGE_MAX_SIDE = 2000;
/** JPEG quality of a taken page; the back end re-encodes it into the PDF anyway. */
export const PAGE_JPEG_QUALITY = 0.9;

/** Scales `width`×`height` down (never up) so that its longest side fits `maxSide`. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The video's current frame as a JPEG (base64, no data-URL prefix); '' while no frame has arrived. */
export function takeFrame(video: HTMLVideoElement): string {
  if (video.videoWidth === 0 || video.videoHeight === 0) return '';
  const { width, height } = fitWithin(video.videoWidth, video.videoHeight, PAGE_MAX_SIDE);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return '';
  context.drawImage(video, 0, 0, width, height);
  const dataUrl = canvas.toDataURL('image/jpeg', PAGE_JPEG_QUALITY);
  return dataUrl.startsWith('data:image/jpeg;base64,') ? dataUrl.slice('data:image/jpeg;base64,'.length) : '';
}
