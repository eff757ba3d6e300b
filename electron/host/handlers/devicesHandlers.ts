import type { devicesApi } from '../../../schemas/api/devicesApi';
import { serializeError } from '../../../schemas/errors';
import type { DevicesService } from '../../services/devices/DevicesService';
import type { AreaHandlers } from './createHandlers';

/** Discovery, capture, live preview and trust anchors; each preview belongs to the connection that started it. */
export function devicesHandlers(deps: { devices: DevicesService }): AreaHandlers<typeof devicesApi> {
  return {
    'devices.discover': async (_input, ctx) => deps.devices.discover(ctx.signal),
    'devices.capture': async (input, ctx) => deps.devices.capture({ ...input, signal: ctx.signal }),
    'devices.startPreview': async ({ modality }, ctx) => {
      await deps.devices.startPreview(
        ctx.connectionId,
        modality,
        (frame) => ctx.sink('devices.onDidPreviewFrame', { modality, index: frame.index, jpegBase64: Buffer.from(frame.jpeg).toString('base64') }),
        (err) => ctx.sink('devices.onDidEndPreview', { modality, error: err === undefined ? null : serializeError(err) }),
      );
      return {};
    },
    'devices.stopPreview': async (_input, ctx) => {
      deps.devices.stopPreview(ctx.connectionId);
      return {};
    },
    'devices.trustAnchors': async () => deps.devices.anchors.list(),
    'devices.addTrustAnchor': async ({ pem }, ctx) => deps.devices.anchors.add(pem, ctx.session.userId),
    'devices.removeTrustAnchor': async ({ thumbprint }, ctx) => {
      await deps.devices.anchors.remove(thumbprint, ctx.session.userId);
      return {};
    },
  };
}
