// system.nav: Vision window navigation; absent from the gateway scope Perspective scripts run in.
import { defineModule, VISION_ONLY } from './define';

export const nav = defineModule('system.nav', 'Vision only: opening, closing and swapping windows.', VISION_ONLY, [
  { name: 'centerWindow', signature: '(window: Any) -> None', doc: 'Centres a window.' },
  { name: 'closeParentWindow', signature: '(event: Any) -> None', doc: "Closes the window an event's component is in." },
  { name: 'closeWindow', signature: '(window: Any) -> None', doc: 'Closes a window by path or object.' },
  { name: 'desktop', signature: "(handle: str = 'primary') -> Any", doc: 'A handle to navigate on another desktop.' },
  { name: 'getCurrentWindow', signature: '() -> str', doc: 'The path of the current main window.' },
  { name: 'goBack', signature: '() -> Any', doc: 'Goes back to the previous main window.' },
  { name: 'goForward', signature: '() -> Any', doc: 'Goes forward to the next main window.' },
  { name: 'goHome', signature: '() -> Any', doc: 'Goes to the home window.' },
  { name: 'openWindow', signature: '(path: str, params: dict = None) -> Any', doc: 'Opens a window.', perspectiveInstead: 'system.perspective.navigate, or system.perspective.openPopup' },
  { name: 'openWindowInstance', signature: '(path: str, params: dict = None) -> Any', doc: 'Opens another instance of a window.' },
  { name: 'swapTo', signature: '(path: str, params: dict = None) -> Any', doc: 'Swaps the current main window for another.', perspectiveInstead: 'system.perspective.navigate' },
  { name: 'swapWindow', signature: '(swapFrom: Any, swapToPath: str, params: dict = None) -> Any', doc: 'Swaps one window, by path or event, for another.' },
], { perspectiveInstead: 'system.perspective.navigate and the system.perspective popup and dock functions' });
