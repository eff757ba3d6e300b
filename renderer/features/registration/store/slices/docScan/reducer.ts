import { MAX_DOCUMENT_FILES } from '../../../../../../schemas/api/registrationApi';
import { initialDocScanState, type CameraInfo, type CameraProblem, type DocScanState } from '../../initialState';

/** Every change to the scan panel: opening, the camera's fate, and the list of pages. */
export type DocScanAction =
  | { readonly type: 'open'; readonly fieldId: string }
  | { readonly type: 'close'; readonly fieldId: string | null }
  | { readonly type: 'chooseCamera'; readonly deviceId: string }
  | { readonly type: 'retry' }
  | { readonly type: 'cameraLive'; readonly cameras: readonly CameraInfo[]; readonly cameraId: string | null }
  | { readonly type: 'cameraFailed'; readonly problem: CameraProblem }
  | { readonly type: 'addPage'; readonly jpegBase64: string }
  | { readonly type: 'removePage'; readonly id: number };

/** Typed builders, so callers and tests never spell action objects by hand. */
export const docScanActions = {
  open: (fieldId: string): DocScanAction => ({ type: 'open', fieldId }),
  /** `fieldId`: close only that field's panel (a field leaving the screen); null: whichever is open */
  close: (fieldId: string | null = null): DocScanAction => ({ type: 'close', fieldId }),
  chooseCamera: (deviceId: string): DocScanAction => ({ type: 'chooseCamera', deviceId }),
  retry: (): DocScanAction => ({ type: 'retry' }),
  cameraLive: (cameras: readonly CameraInfo[], cameraId: string | null): DocScanAction => ({ type: 'cameraLive', cameras, cameraId }),
  cameraFailed: (problem: CameraProblem): DocScanAction => ({ type: 'cameraFailed', problem }),
  addPage: (jpegBase64: string): DocScanAction => ({ type: 'addPage', jpegBase64 }),
  removePage: (id: number): DocScanAction => ({ type: 'removePage', id }),
};

/**
 * The scan panel's pure reducer. Pages are capped at what one `drafts.attachDocument` call takes
 * (MAX_DOCUMENT_FILES); camera events for a closed panel are ignored, because a stream can resolve
 * after the operator has already closed it.
 */
export function docScanReducer(state: DocScanState, action: DocScanAction): DocScanState {
  switch (action.type) {
    case 'open':
      // a panel for another field (or the first one) starts empty; the same field keeps its pages
      return state.fieldId === action.fieldId ? state : { ...initialDocScanState(), fieldId: action.fieldId };
    case 'close':
      return action.fieldId !== null && action.fieldId !== state.fieldId ? state : initialDocScanState();
    case 'chooseCamera':
      if (state.fieldId === null || action.deviceId === state.cameraId) return state;
      return { ...state, requestedCameraId: action.deviceId, camera: 'starting', problem: null };
    case 'retry':
      if (state.fieldId === null) return state;
      return { ...state, attempt: state.attempt + 1, camera: 'starting', problem: null };
    case 'cameraLive':
      if (state.fieldId === null) return state;
      return { ...state, camera: 'live', problem: null, cameras: action.cameras, cameraId: action.cameraId };
    case 'cameraFailed':
      if (state.fieldId === null) return state;
      return { ...state, camera: 'failed', problem: action.problem, cameraId: null };
    case 'addPage':
      if (state.fieldId === null || state.pages.length >= MAX_DOCUMENT_FILES || action.jpegBase64 === '') return state;
      return { ...state, pages: [...state.pages, { id: state.nextPageId, jpegBase64: action.jpegBase64 }], nextPageId: state.nextPageId + 1 };
    case 'removePage':
      return { ...state, pages: state.pages.filter((p) => p.id !== action.id) };
    default: {
      const unhandled: never = action;
      throw new TypeError(`docScanReducer: unknown action ${JSON.stringify(unhandled)}`);
    }
  }
}
