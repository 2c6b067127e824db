// The session and page props a Perspective script can read (perspective.md section 3), for hovers and completion.

/** PUBLIC props reach the browser; PRIVATE ones stay on the gateway; SYSTEM ones only the gateway writes. */
export type PropAccess = 'public' | 'private' | 'protected' | 'system';

export interface PropDoc {
  /** Dotted path under `session.props` or `page.props`, e.g. `auth.user.roles`. */
  path: string;
  access: PropAccess;
  /** A short type for people: `str`, `bool`, `list[str]`, `Date`, `object`. */
  type: string;
  doc: string;
  /** The first version that has it, when not every targeted version does. */
  since?: '8.1' | '8.3';
}

const prop = (path: string, access: PropAccess, type: string, doc: string, since?: '8.1' | '8.3'): PropDoc =>
  (since ? { path, access, type, doc, since } : { path, access, type, doc });

export const SESSION_PROPS: readonly PropDoc[] = [
  prop('id', 'system', 'str', 'The unique id of the session; read-only. There is no `session.id`: this is it.'),
  prop('host', 'system', 'str', "The client's host name."),
  prop('address', 'system', 'str', "The client's IP address."),
  prop('theme', 'public', 'str', 'The theme of every page of the session; writing it changes the theme at once.'),
  prop('locale', 'public', 'str', 'The locale used for translations and formatting, e.g. `en-US`.'),
  prop('timeZoneId', 'public', 'str', 'The time zone dates are shown in, e.g. `America/New_York`.'),
  prop('lastActivity', 'system', 'Date', 'Gateway time of the last user interaction (8.1.8 and later); build idle logic on it.'),
  prop('auth', 'private', 'object', 'Authentication state, owned by the identity provider; not sent to the browser.'),
  prop('auth.authenticated', 'private', 'bool | None', 'True once a user logged in, False before, None when unknown.'),
  prop('auth.user', 'private', 'object', 'The logged-in user. Before login every field is None, but the object itself is truthy.'),
  prop('auth.user.id', 'private', 'str | None', "The user's id at the identity provider."),
  prop('auth.user.userName', 'private', 'str | None', 'The user name; None before login.'),
  prop('auth.user.firstName', 'private', 'str | None', "The user's first name."),
  prop('auth.user.lastName', 'private', 'str | None', "The user's last name."),
  prop('auth.user.email', 'private', 'str | None', "The user's email address."),
  prop('auth.user.roles', 'private', 'list[str] | None', "The user's roles; None before login, so `'Admin' in roles` raises TypeError then."),
  prop('auth.user.timestamp', 'private', 'Date | None', 'When the user logged in.'),
  prop('auth.securityLevels', 'private', 'list[object]', 'Security levels granted, as `{name, children[]}` trees.'),
  prop('auth.idp', 'private', 'str', 'The name of the identity provider.'),
  prop('device', 'system', 'object', 'The device the session runs on.'),
  prop('device.type', 'system', 'str', 'The kind of device: `browser`, `designer`, `ios`, `android` (vocabulary not fully documented).'),
  prop('device.identifier', 'system', 'str', 'An identifier of the device.'),
  prop('device.userAgent', 'system', 'str', "The browser's user agent."),
  prop('device.timezone', 'system', 'object', 'The time zone of the device.'),
  prop('device.timezone.id', 'system', 'str', 'The time zone id of the device.'),
  prop('device.accelerometer', 'system', 'object', 'Accelerometer readings of the Perspective App.'),
  prop('gateway', 'system', 'object', 'The gateway the session runs on.'),
  prop('gateway.address', 'system', 'str', "The gateway's address."),
  prop('gateway.timezone', 'system', 'object', "The gateway's time zone."),
  prop('gateway.timezone.id', 'system', 'str', "The gateway's time zone id."),
  prop('geolocation', 'system', 'object', 'Location reported by the device, when permitted.'),
  prop('geolocation.data', 'system', 'object | None', 'The last location reading.'),
  prop('geolocation.permissionGranted', 'system', 'bool', 'Whether the user allowed location.'),
  prop('offline', 'system', 'object', 'Offline mode of the Perspective App.', '8.3'),
  prop('offline.capable', 'system', 'bool', 'Whether the session can run offline.', '8.3'),
  prop('offline.enabled', 'system', 'bool', 'Whether offline mode is on.', '8.3'),
  prop('offline.lastSynced', 'system', 'Date | None', 'When the session last synchronised.', '8.3'),
];

export const PAGE_PROPS: readonly PropDoc[] = [
  prop('pageId', 'system', 'str', 'The id of the page (browser tab); `page.id` too.'),
  prop('path', 'public', 'str', 'The page URL, e.g. `/dashboard`; navigate() changes it.'),
  prop('primaryView', 'system', 'str', 'The path of the view the page shows, e.g. `Pages/Home`: a view path, not a URL.'),
  prop('title', 'public', 'str', 'The title of the browser tab.'),
  prop('urlParams', 'system', 'object', 'Parameters of the page URL.'),
  prop('dimensions', 'system', 'object', 'The size of the page viewport.'),
  prop('appBarVisible', 'public', 'bool', 'Whether the Perspective App bar shows.'),
];

const ACCESS_NAMES: Readonly<Record<PropAccess, string>> = {
  public: 'PUBLIC (sent to the browser, writable)',
  private: 'PRIVATE (kept on the gateway, not sent to the browser)',
  protected: 'PROTECTED (read by the browser, written only on the gateway)',
  system: 'SYSTEM (read-only: only the gateway writes it)',
};

/** The doc of a path under `session.props` / `page.props`, or undefined when the table has none. */
export function findProp(tree: 'session' | 'page', path: string): PropDoc | undefined {
  return (tree === 'session' ? SESSION_PROPS : PAGE_PROPS).find((p) => p.path === path);
}

/** The props directly under `parent` (`''` for the top level). */
export function childProps(tree: 'session' | 'page', parent: string): PropDoc[] {
  const depth = parent === '' ? 0 : parent.split('.').length;
  return (tree === 'session' ? SESSION_PROPS : PAGE_PROPS).filter(
    (p) => p.path.split('.').length === depth + 1 && (parent === '' || p.path.startsWith(`${parent}.`)),
  );
}

/** Markdown for a hover on a prop. */
export function describeProp(tree: 'session' | 'page', prop: PropDoc): string {
  const lines = ['```python', `${tree}.props.${prop.path}: ${prop.type}`, '```', prop.doc, '', `Access: ${ACCESS_NAMES[prop.access]}.`];
  if (prop.since) lines.push(`New in Ignition ${prop.since}.`);
  return lines.join('\n');
}
