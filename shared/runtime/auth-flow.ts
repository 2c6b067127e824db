// The simulated identity provider: login against the fixtures' users, logout, and the auth props they set.
import type { UserFixture } from '../fixtures/fixtures';
import type { Runtime } from './runtime';
import type { Session } from './session';
import { signedOutUser } from './session-props';
import { getAt } from './tree';

function signIn(runtime: Runtime, session: Session, user: UserFixture): void {
  session.user = user;
  runtime.writeSession(session, 'props', ['auth', 'authenticated'], true);
  runtime.writeSession(session, 'props', ['auth', 'user'], {
    id: user.username, userName: user.username, firstName: user.firstName ?? null, lastName: user.lastName ?? null,
    email: user.email ?? null, roles: [...user.roles], timestamp: { $date: runtime.clock.epochNow() },
  });
  runtime.writeSession(session, 'props', ['auth', 'securityLevels'], [
    { name: 'Authenticated', children: [{ name: 'Roles', children: user.roles.map((r) => ({ name: r, children: [] })) }] },
  ]);
  runtime.event({ kind: 'auth', session: session.id, action: 'login', user: user.username, ok: true });
}

/** Logs in; onLogin (a document convention) runs after it, on the page it happened on. */
export async function login(runtime: Runtime, session: Session, username: string, password?: string): Promise<boolean> {
  const users = runtime.gateway?.users ?? runtime.fixtures.users;
  const user = users.find((u) => u.username === username);
  if (!user) {
    runtime.event({ kind: 'auth', session: session.id, action: 'login', user: username, ok: false, reason: `no user '${username}' in the fixtures; known users: ${users.map((u) => u.username).join(', ') || 'none'}` });
    return false;
  }
  if (password !== undefined && user.password !== undefined && password !== user.password) {
    runtime.event({ kind: 'auth', session: session.id, action: 'login', user: username, ok: false, reason: 'wrong password' });
    return false;
  }
  signIn(runtime, session, user);
  const onLogin = runtime.project.auth.onLogin;
  if (onLogin) await runtime.invoke(onLogin, [runtime.sessionArg(session)], { session, page: session.lastPage }, 'onLogin');
  return true;
}

/** Logs out: onLogout (a document convention) runs first; a logout() inside it completes this logout. */
export async function logout(runtime: Runtime, session: Session): Promise<void> {
  if (session.loggingOut) return;
  const onLogout = runtime.project.auth.onLogout;
  if (onLogout) {
    session.loggingOut = true;
    try {
      await runtime.invoke(onLogout, [runtime.sessionArg(session)], { session, page: session.lastPage }, 'onLogout');
    } finally {
      session.loggingOut = false;
    }
  }
  const user = session.user?.username ?? String(getAt(session.props, ['auth', 'user', 'userName']) ?? '');
  session.user = undefined;
  runtime.writeSession(session, 'props', ['auth', 'authenticated'], false);
  runtime.writeSession(session, 'props', ['auth', 'user'], signedOutUser());
  runtime.writeSession(session, 'props', ['auth', 'securityLevels'], [{ name: 'Public', children: [] }]);
  runtime.event({ kind: 'auth', session: session.id, action: 'logout', user, ok: true });
}
