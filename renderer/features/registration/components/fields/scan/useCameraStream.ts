import { useEffect, type RefObject } from 'react';
import type { CameraInfo, CameraProblem } from '../../../store/initialState';
import { cameraProblem, openCamera, stopCamera } from './camera';

export interface CameraStreamOptions {
  /** the chosen camera; null: the default (environment-facing preferred) */
  readonly requestedCameraId: string | null;
  /** changes when the operator chooses a camera or presses "Try again": the camera restarts */
  readonly request: string;
  readonly onLive: (cameras: readonly CameraInfo[], cameraId: string | null) => void;
  readonly onFailed: (problem: CameraProblem) => void;
}

/**
 * Runs the camera into `videoRef` while the calling component is mounted. The camera is stopped
 * whenever the component unmounts (panel closed, screen changed, registration left), when the
 * request changes, and when the page is hidden or unloaded (`pagehide`), so the camera light never
 * stays on behind the operator's back. A stream that arrives after any of these is stopped at once.
 */
export function useCameraStream(videoRef: RefObject<HTMLVideoElement | null>, { requestedCameraId, request, onLive, onFailed }: CameraStreamOptions): void {
  useEffect(() => {
    let stream: MediaStream | null = null;
    let isCancelled = false;
    const stop = () => {
      if (stream) stopCamera(stream);
      stream = null;
      if (videoRef.current) videoRef.current.srcObject = null;
    };
    const onPageHide = () => {
      isCancelled = true;
      stop();
    };
    const start = async () => {
      try {
        const opened = await openCamera(navigator.mediaDevices, requestedCameraId);
        if (isCancelled) {
          stopCamera(opened.stream);
          return;
        }
        stream = opened.stream;
        // unplugged while streaming: the browser ends the track (track.stop() here does not fire it)
        for (const track of stream.getVideoTracks()) track.addEventListener('ended', () => !isCancelled && onFailed('noCamera'));
        const video = videoRef.current;
        if (video) {
          video.srcObject = stream;
          await video.play();
        }
        if (!isCancelled) onLive(opened.cameras, opened.cameraId);
      } catch (err) {
        if (isCancelled) return; // closed meanwhile: nothing to report, the stream is already stopped
        stop();
        onFailed(cameraProblem(err));
      }
    };
    window.addEventListener('pagehide', onPageHide);
    void start();
    return () => {
      isCancelled = true;
      window.removeEventListener('pagehide', onPageHide);
      stop();
    };
    // onLive/onFailed are store actions (created once): the camera restarts only on a new request
  }, [request, requestedCameraId, videoRef, onLive, onFailed]);
}
