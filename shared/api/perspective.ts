// system.perspective: navigation, popups, docks, messages and session control for Perspective sessions.
import { defineModule, GATEWAY_AND_PERSPECTIVE } from './define';

const popup =
  '(id: str, view: str = None, params: dict = None, title: str = None, position: dict = None, showCloseIcon: bool = True, ' +
  'draggable: bool = True, resizable: bool = False, modal: bool = False, overlayDismiss: bool = False, ' +
  'sessionId: str = None, pageId: str = None, viewportBound: bool = False) -> None';

const EMBR_PERISCOPE = 'Embr Periscope (Mussun Industrial)';

export const perspective = defineModule(
  'system.perspective',
  'Perspective session and page control; an omitted sessionId/pageId means the session or page the script runs for.',
  GATEWAY_AND_PERSPECTIVE,
  [
    {
      name: 'navigate',
      signature:
        '(page: str = None, url: str = None, view: str = None, params: dict = None, sessionId: str = None, pageId: str = None, newTab: bool = False) -> None',
      pageScoped: true,
      doc: 'Navigates a page to a page URL of the project, an external url, or a view.',
    },
    { name: 'navigateBack', signature: '(sessionId: str = None, pageId: str = None) -> None', pageScoped: true, doc: "Goes back one entry in the page's browser history." },
    { name: 'navigateForward', signature: '(sessionId: str = None, pageId: str = None) -> None', pageScoped: true, doc: "Goes forward one entry in the page's browser history." },
    { name: 'openPopup', signature: popup, pageScoped: true, doc: 'Opens a view as a popup on a page; `id` names it for closePopup/togglePopup.' },
    { name: 'togglePopup', signature: popup, pageScoped: true, doc: 'Opens the popup if it is closed, closes it if it is open.' },
    { name: 'closePopup', signature: '(id: str, sessionId: str = None, pageId: str = None) -> None', pageScoped: true, doc: 'Closes the popup with this id on a page.' },
    { name: 'openDock', signature: '(id: str, sessionId: str = None, pageId: str = None, params: dict = None) -> None', pageScoped: true, doc: 'Opens a docked view configured on the page.' },
    { name: 'closeDock', signature: '(id: str, sessionId: str = None, pageId: str = None) -> None', pageScoped: true, doc: 'Closes a docked view.' },
    { name: 'toggleDock', signature: '(id: str, sessionId: str = None, pageId: str = None, params: dict = None) -> None', pageScoped: true, doc: 'Opens a docked view if closed, closes it if open.' },
    {
      name: 'alterDock',
      signature: '(dockId: str, config: dict = None, sessionId: str = None, pageId: str = None) -> None',
      pageScoped: true,
      doc: "Changes a docked view's configuration (content, size, handle, display) on a page.",
    },
    { name: 'login', signature: '(sessionId: str = None, pageId: str = None, forceAuth: bool = False) -> None', pageScoped: true, doc: "Sends the page to the identity provider's login." },
    { name: 'logout', signature: '(sessionId: str = None, pageId: str = None, message: str = None) -> None', pageScoped: true, doc: 'Logs the session out, from a page.' },
    {
      name: 'authenticationChallenge',
      signature:
        '(sessionId: str = None, pageId: str = None, idp: str = None, forceAuth: bool = False, timeout: int = 2, payload: Any = None, framing: str = None) -> None',
      pageScoped: true,
      doc: 'Asks the user to authenticate again without logging out; the result arrives in onAuthChallengeCompleted.',
    },
    { name: 'closeSession', signature: '(message: str = None, sessionId: str = None) -> None', doc: 'Closes a session, showing a message on its pages.' },
    { name: 'closePage', signature: '(message: str = None, sessionId: str = None, pageId: str = None) -> None', pageScoped: true, doc: 'Closes a page (browser tab) of a session.' },
    { name: 'refresh', signature: '(sessionId: str = None, pageId: str = None) -> None', pageScoped: true, doc: 'Reloads a page in the browser.' },
    {
      name: 'print',
      signature: "(message: str, sessionId: str = None, pageId: str = None, destination: str = 'client') -> None",
      pageScoped: true,
      doc: "Prints a message to the browser console ('client'), the gateway log ('gateway') or both ('all').",
    },
    {
      name: 'download',
      signature: '(filename: str, data: Any, contentType: str = None, sessionId: str = None, pageId: str = None) -> None',
      pageScoped: true,
      doc: 'Sends data to the browser as a file download.',
    },
    { name: 'setTheme', signature: '(name: str, sessionId: str = None, pageId: str = None) -> None', pageScoped: true, doc: 'Changes the theme; equivalent to writing session.props.theme.' },
    {
      name: 'alterLogging',
      signature:
        '(remoteLoggingEnabled: bool = None, level: str = None, remoteLoggingLevel: str = None, sessionId: str = None, pageId: str = None) -> None',
      doc: "Changes the browser's console logging level and whether client logs are sent to the gateway.",
    },
    {
      name: 'isAuthorized',
      signature: '(isAllOf: bool, securityLevels: list[str], sessionId: str = None) -> bool',
      doc: "Tells whether the session's user holds all (or any) of the security levels.",
    },
    {
      name: 'getSessionInfo',
      signature: '(usernameFilter: str = None, projectFilter: str = None) -> list[dict]',
      doc: 'Lists the running sessions (id, user, project, pages, uptime...), optionally filtered.',
    },
    { name: 'getProjectInfo', signature: '() -> dict', doc: 'Describes the running project: name, title, views, page configuration.' },
    { name: 'vibrateDevice', signature: '(duration: int, sessionId: str = None) -> None', doc: 'Vibrates the device of a Perspective App session for duration milliseconds.' },
    {
      name: 'sendMessage',
      signature: "(messageType: str, payload: dict = None, scope: str = 'page', sessionId: str = None, pageId: str = None) -> None",
      pageScoped: { param: 'scope', values: ['page', 'view'] },
      doc: 'Sends a message to component message handlers (never to Session Events handlers) with scope session, page or view.',
    },
    // Added by a widely used third-party module; listed so that projects using it are not told the names are typos.
    {
      name: 'runJavaScriptAsync',
      signature: '(function: str, args: dict = None, callback: Callable = None, sessionId: str = None, pageId: str = None) -> None',
      pageScoped: true,
      requires: EMBR_PERISCOPE,
      doc: "Runs a JavaScript arrow function in the page's browser; its result goes to callback.",
    },
    {
      name: 'runJavaScriptBlocking',
      signature: '(function: str, args: dict = None, sessionId: str = None, pageId: str = None) -> Any',
      pageScoped: true,
      requires: EMBR_PERISCOPE,
      doc: "Runs a JavaScript arrow function in the page's browser and waits for its result.",
    },
  ],
);
