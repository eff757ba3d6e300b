import type { z } from 'zod';
import { backupApi, backupEvents } from './backupApi';
import { coreApi, coreEvents } from './coreApi';
import { devicesApi, devicesEvents } from './devicesApi';
import { packetsApi, packetsEvents } from './packetsApi';
import { registrationApi, registrationEvents } from './registrationApi';
import { settingsApi, settingsEvents } from './settingsApi';
import { syncApi, syncEvents } from './syncApi';

/**
 * The one IPC contract: method name → input/output schemas and who may call it. Handlers,
 * the preload client, the browser-host bridge and the renderer's client are all derived from it.
 * Each area declares its methods (`<area>.<verb>`) and events (`<area>.onDid<Change>`) in its own
 * `schemas/api/<area>Api.ts` and is spread in here.
 */
export const api = {
  ...coreApi,
  ...packetsApi,
  ...devicesApi,
  ...syncApi,
  ...registrationApi,
  ...settingsApi,
  ...backupApi,
} as const;

export const events = {
  ...coreEvents,
  ...packetsEvents,
  ...devicesEvents,
  ...syncEvents,
  ...registrationEvents,
  ...settingsEvents,
  ...backupEvents,
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.infer<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Api[M]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const METHOD_NAMES = Object.keys(api) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(api, value);
}
