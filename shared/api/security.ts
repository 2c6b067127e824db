// system.security: checking users and roles, and Vision client login and screen locking.
import { ALL_SCOPES, defineModule, VISION_ONLY } from './define';

export const security = defineModule(
  'system.security',
  "Security: validating credentials against user sources; the Vision client's own user (Perspective: session.props.auth).",
  ALL_SCOPES,
  [
    { name: 'getRoles', signature: '() -> list[str]', scopes: VISION_ONLY, doc: "The Vision client user's roles.", perspectiveInstead: 'session.props.auth.user.roles' },
    {
      name: 'getUserRoles',
      signature: "(username: str, password: str, authProfile: str = '', timeout: int = 60000) -> list[str]",
      doc: "A user's roles after checking the password, or None when the credentials are wrong.",
    },
    { name: 'getUsername', signature: '() -> str', scopes: VISION_ONLY, doc: "The Vision client user's name.", perspectiveInstead: 'session.props.auth.user.userName' },
    { name: 'isScreenLocked', signature: '() -> bool', scopes: VISION_ONLY, doc: 'Tells whether the Vision client screen is locked.' },
    { name: 'lockScreen', signature: '(obscure: bool = False) -> None', scopes: VISION_ONLY, doc: 'Locks the Vision client screen.' },
    { name: 'logout', signature: '() -> None', scopes: VISION_ONLY, doc: 'Logs the Vision client out.', perspectiveInstead: 'system.perspective.logout' },
    {
      name: 'switchUser',
      signature: '(username: str, password: str, event: Any = None, hideError: bool = False) -> bool',
      scopes: VISION_ONLY,
      doc: 'Logs another user into the Vision client without closing it.',
    },
    { name: 'unlockScreen', signature: '() -> None', scopes: VISION_ONLY, doc: 'Unlocks the Vision client screen.' },
    {
      name: 'validateUser',
      signature: "(username: str, password: str, authProfile: str = '', timeout: int = 60000) -> bool",
      doc: 'Tells whether the credentials are valid in a user source.',
    },
  ],
);
