import { MAX_DOCUMENT_FILES } from '../../../../../../schemas/api/registrationApi';
import type { RegistrationState } from '../../initialState';

/** Selectors of the scan panel; curried by field id where a field asks. */
export const docScanSelectors = {
  isOpen: (fieldId: string) => (s: RegistrationState) => s.docScan.fieldId === fieldId,
  openFieldId: (s: RegistrationState) => s.docScan.fieldId,
  camera: (s: RegistrationState) => s.docScan.camera,
  problem: (s: RegistrationState) => s.docScan.problem,
  cameras: (s: RegistrationState) => s.docScan.cameras,
  cameraId: (s: RegistrationState) => s.docScan.cameraId,
  /** what the panel asks the camera for: changes only when the operator chooses or retries */
  cameraRequest: (s: RegistrationState) => `${s.docScan.requestedCameraId ?? ''}#${s.docScan.attempt}`,
  requestedCameraId: (s: RegistrationState) => s.docScan.requestedCameraId,
  pages: (s: RegistrationState) => s.docScan.pages,
  pageCount: (s: RegistrationState) => s.docScan.pages.length,
  isFull: (s: RegistrationState) => s.docScan.pages.length >= MAX_DOCUMENT_FILES,
  canTakePage: (s: RegistrationState) => s.docScan.camera === 'live' && s.docScan.pages.length < MAX_DOCUMENT_FILES,
};
