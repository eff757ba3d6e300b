import type { UploadedFile } from '../../../../../../schemas/api/registrationApi';
import type { CameraInfo, CameraProblem } from '../../initialState';
import type { SliceContext } from '../../store';
import { docScanActions, docScanReducer, type DocScanAction } from './reducer';

export interface DocScanActions {
  /** opens the "Scan with camera" panel of a document field (the panel then starts the camera) */
  openScan(fieldId: string): void;
  /**
   * Closes the panel and drops the pages not attached; the panel stops the camera as it goes.
   * With `fieldId`, only if that field's panel is the one open (the field is leaving the screen).
   */
  closeScan(fieldId?: string): void;
  chooseCamera(deviceId: string): void;
  retryCamera(): void;
  cameraLive(cameras: readonly CameraInfo[], cameraId: string | null): void;
  cameraFailed(problem: CameraProblem): void;
  addScanPage(jpegBase64: string): void;
  removeScanPage(id: number): void;
  /**
   * Sends the pages as JPEGs through `attachDocument` (the back end makes one PDF and checks the size
   * limit). The panel closes only once the document is attached; on failure the pages stay, so the
   * operator can remove one and try again.
   */
  attachScan(documentType: string, refNumber: string | null): Promise<void>;
}

/** The scan panel's actions: a pure reducer for the page list, and the existing upload for the bytes. */
export function createDocScanActions({ set, get }: SliceContext): DocScanActions {
  const apply = (action: DocScanAction) => set((s) => ({ docScan: docScanReducer(s.docScan, action) }));
  return {
    openScan(fieldId) {
      // an earlier failure of this field (a file refused) is not this scan's: the panel starts clean
      set((s) => {
        const { [fieldId]: upload, ...others } = s.documents;
        return { docScan: docScanReducer(s.docScan, docScanActions.open(fieldId)), documents: upload?.status === 'failed' ? others : s.documents };
      });
    },
    closeScan: (fieldId) => apply(docScanActions.close(fieldId ?? null)),
    chooseCamera: (deviceId) => apply(docScanActions.chooseCamera(deviceId)),
    retryCamera: () => apply(docScanActions.retry()),
    cameraLive: (cameras, cameraId) => apply(docScanActions.cameraLive(cameras, cameraId)),
    cameraFailed: (problem) => apply(docScanActions.cameraFailed(problem)),
    addScanPage: (jpegBase64) => apply(docScanActions.addPage(jpegBase64)),
    removeScanPage: (id) => apply(docScanActions.removePage(id)),
    async attachScan(documentType, refNumber) {
      const { fieldId, pages } = get().docScan;
      if (fieldId === null || pages.length === 0) return;
      const files: UploadedFile[] = pages.map((page, i) => ({ name: `scan-page-${i + 1}.jpg`, mimeType: 'image/jpeg', base64: page.jpegBase64 }));
      await get().attachDocument(fieldId, documentType, refNumber, files);
      // still the same panel (not closed meanwhile) and the back end took it: done
      if (get().docScan.fieldId === fieldId && get().documents[fieldId]?.status === 'attached') apply(docScanActions.close());
    },
  };
}
