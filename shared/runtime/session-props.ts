// The session props a new Perspective session starts with, and who may write each of them (perspective.md §3).
import type { Json } from '../engine/types';
import type { JsonObject, PathPart } from './tree';

export type AccessLevel = 'public' | 'private' | 'protected' | 'system';

/** Access by top-level prop; `auth` is private and owned by the identity provider, so scripts cannot write it. */
const ACCESS: Record<string, AccessLevel> = {
  id: 'system', host: 'system', address: 'system', lastActivity: 'system', device: 'system', gateway: 'system',
  geolocation: 'system', offline: 'system', auth: 'private', theme: 'public', locale: 'public', timeZoneId: 'public',
};

export function accessOf(path: readonly PathPart[]): AccessLevel {
  return ACCESS[String(path[0])] ?? 'public';
}

/** Whether a script may write (or remove) a session prop at `path`. */
export function scriptMayWrite(path: readonly PathPart[]): boolean {
  const level = accessOf(path);
  return level !== 'system' && path[0] !== 'auth';
}

/** Page props the page itself owns: navigate() changes them, nobody writes them. */
const READ_ONLY_PAGE_PROPS = new Set(['pageId', 'path', 'primaryView']);

/** Whether a script or a client may write a page prop at `path`. */
export function pagePropWritable(path: readonly PathPart[]): boolean {
  return path.length > 0 && !READ_ONLY_PAGE_PROPS.has(String(path[0]));
}

export type Device = 'desktop' | 'mobile';

export interface SessionPropsInput {
  id: string;
  device: Device;
  /** Epoch ms of the session's start. */
  now: number;
  version: '8.1' | '8.3';
  index: number;
}

export function signedOutUser(): JsonObject {
  return { id: null, userName: null, firstName: null, lastName: null, email: null, roles: null, timestamp: null };
}

/**
 * Perspective reports the device type of a browser session as `browser` and of the native app as `ios` /
 * `android` (the vocabulary is not fully documented): a `mobile` device here is the Perspective App on Android.
 */
export function deviceType(device: Device): string {
  return device === 'mobile' ? 'android' : 'browser';
}

export function initialSessionProps(input: SessionPropsInput): JsonObject {
  const date: Json = { $date: input.now };
  const props: JsonObject = {
    id: input.id,
    host: `client-${input.index}.local`,
    address: `10.0.0.${10 + (input.index % 240)}`,
    theme: 'light',
    locale: 'en-US',
    timeZoneId: 'UTC',
    lastActivity: date,
    auth: { authenticated: false, user: signedOutUser(), securityLevels: [{ name: 'Public', children: [] }], idp: 'default' },
    device: {
      type: deviceType(input.device),
      identifier: `device-${input.index}`,
      userAgent: input.device === 'mobile' ? 'PerspectiveApp/Android' : 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0',
      timezone: { id: 'UTC' },
      accelerometer: { x: 0, y: 0, z: 0 },
    },
    gateway: { address: 'http://localhost:8088', timezone: { id: 'UTC' } },
    geolocation: { data: null, permissionGranted: false },
  };
  if (input.version === '8.3') props.offline = { capable: false, enabled: false, lastSynced: null };
  return props;
}
