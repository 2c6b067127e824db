// The simulated identity provider: login against the fixtures' users, logout, and the auth props they set.
import type { UserFixture } from '../gateway-config/fixtures';
import type { RuntimeParts } from './parts';
import { writeSession } from './prop-writes';
import { sessionArg, type Session } from './session';
import { signedOutUser } from './session-props';
import { getAt } from './tree';

/** What logging in and out uses of a runtime. */
export type AuthParts = Pick<RuntimeParts, 'trace' | 'clock' | 'scripts' | 'project' | 'fixtures' | 'gateway'>;

function signIn(parts: AuthParts, session: Session, user: UserFixture): void {
  session.user = user;
  writeSession(parts.trace, session, 'props', ['auth', 'authenticated'], true);
  writeSession(parts.trace, session, 'props', ['auth', 'user'], {
    id: user.username, userName: user.username, firstName: user.firstName ?? null, lastName: user.lastName ?? null,
    email: user.email ?? null, roles: [...user.roles], timestamp: { $date: parts.clock.epochNow() },
  });
  writeSession(parts.trace, session, 'props', ['auth', 'securityLevels'], [
    { name: 'Authenticated', children: [{ name: 'Roles', children: user.roles.map((r) => ({ name: r, children: [] })) }] },
  ]);
  parts.trace.add({ kind: 'auth', session: session.id, action: 'login', user: user.username, ok: true });
}

/** Logs in; onLogin (a document convention) runs after it, on the page it happened on. */
export async function login(parts: AuthParts, session: Session, username: string, password?: string): Promise<boolean> {
  const users = parts.gateway?.users ?? parts.fixtures.users;
  const user = users.find((u) => u.username === username);
  if (!user) {
    parts.trace.add({ kind: 'auth', session: session.id, action: 'login', user: username, ok: false, reason: `no user '${username}' in the fixtures; known users: ${users.map((u) => u.username).join(', ') || 'none'}` });
    return false;
  }
  if (password !== undefined && user.password !== undefined && password !== user.password) {
    parts.trace.add({ kind: 'auth', session: session.id, action: 'login', user: username, ok: false, reason: 'wrong password' });
    return false;
  }
  signIn(parts, session, user);
  const onLogin = parts.project.auth.onLogin;
  if (onLogin) await parts.scripts.invoke(onLogin, [sessionArg(session)], { session, page: session.lastPage }, 'onLogin');
  return true;
}

/** Logs out: onLogout (a document convention) runs first; a logout() inside it completes this logout. */
export async function logout(parts: AuthParts, session: Session): Promise<void> {
  if (session.loggingOut) return;
  const onLogout = parts.project.auth.onLogout;
  if (onLogout) {
    session.loggingOut = true;
    try {
      await parts.scripts.invoke(onLogout, [sessionArg(session)], { session, page: session.lastPage }, 'onLogout');
    } finally {
      session.loggingOut = false;
    }
  }
  const user = session.user?.username ?? String(getAt(session.props, ['auth', 'user', 'userName']) ?? '');
  session.user = undefined;
  writeSession(parts.trace, session, 'props', ['auth', 'authenticated'], false);
  writeSession(parts.trace, session, 'props', ['auth', 'user'], signedOutUser());
  writeSession(parts.trace, session, 'props', ['auth', 'securityLevels'], [{ name: 'Public', children: [] }]);
  parts.trace.add({ kind: 'auth', session: session.id, action: 'logout', user, ok: true });
}
