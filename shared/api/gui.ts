// system.gui: Vision client dialogs, windows and desktops; absent from the gateway scope Perspective scripts run in.
import { defineModule, VISION_ONLY } from './define';

export const gui = defineModule('system.gui', 'Vision only: dialogs, desktops, windows and touchscreen keyboards.', VISION_ONLY, [
  { name: 'chooseColor', signature: "(initialColor: Color, dialogTitle: str = 'Choose Color') -> Color", doc: 'Asks the user for a colour.' },
  { name: 'closeDesktop', signature: "(handle: str = 'primary') -> None", doc: 'Closes a desktop.' },
  { name: 'color', signature: '(red: Any, green: int = None, blue: int = None, alpha: int = 255) -> Color', doc: 'A colour from components or a name.' },
  { name: 'confirm', signature: "(message: str, title: str = 'Confirm', allowCancel: bool = False) -> bool", doc: 'Asks a yes/no question.', perspectiveInstead: 'a popup view opened with system.perspective.openPopup' },
  { name: 'convertPointToScreen', signature: '(x: int, y: int, event: Any) -> tuple', doc: 'Converts component coordinates to screen coordinates.' },
  { name: 'createPopupMenu', signature: '(itemNames: list[str], itemFunctions: list[Callable]) -> JPopupMenu', doc: 'Builds a right-click menu.' },
  { name: 'desktop', signature: "(handle: str = 'primary') -> Any", doc: 'A handle to run system.gui and system.nav on another desktop.' },
  { name: 'errorBox', signature: "(message: str, title: str = 'Error') -> None", doc: 'Shows an error dialog.', perspectiveInstead: 'a popup view opened with system.perspective.openPopup' },
  { name: 'findWindow', signature: '(path: str) -> list', doc: 'The open instances of a window.' },
  { name: 'getCurrentDesktop', signature: '() -> str', doc: 'The handle of the current desktop.' },
  { name: 'getDesktopHandles', signature: '() -> list[str]', doc: 'The handles of the open desktops.' },
  { name: 'getOpenedWindowNames', signature: '() -> list[str]', doc: 'The paths of the open windows.' },
  { name: 'getOpenedWindows', signature: '() -> list', doc: 'The open windows.' },
  { name: 'getParentWindow', signature: '(event: Any) -> Any', doc: "The window an event's component is in." },
  { name: 'getQuality', signature: '(component: Any, propertyName: str) -> QualityCode', doc: "The quality of a component property's binding." },
  { name: 'getScreenIndex', signature: '() -> int', doc: 'The monitor the client is on.' },
  { name: 'getScreens', signature: '() -> list', doc: 'The monitors and their sizes.' },
  { name: 'getSibling', signature: '(event: Any, name: str) -> Any', doc: "A component beside the event's component." },
  { name: 'getWindow', signature: '(name: str) -> Any', doc: 'An open window by path.' },
  { name: 'getWindowNames', signature: '() -> list[str]', doc: 'The paths of every window of the project.' },
  { name: 'inputBox', signature: "(message: str, defaultText: str = '') -> str", doc: 'Asks the user for text.' },
  { name: 'isTouchscreenModeEnabled', signature: '() -> bool', doc: 'Tells whether touchscreen mode is on.' },
  { name: 'messageBox', signature: "(message: str, title: str = 'Information') -> None", doc: 'Shows a message dialog.', perspectiveInstead: 'a popup view opened with system.perspective.openPopup' },
  {
    name: 'moveComponent',
    signature: '(component: Any, x: int, y: int) -> None',
    deprecated: { since: '8.1', replacement: 'system.gui.transform' },
    doc: 'Moves a component (legacy).',
  },
  {
    name: 'openDesktop',
    signature:
      '(screen: int = 0, handle: str = None, title: str = None, width: int = None, height: int = None, x: int = 0, y: int = 0, windows: list[str] = None) -> Any',
    doc: 'Opens another desktop frame.',
  },
  { name: 'openDiagnostics', signature: '() -> None', doc: 'Opens the client diagnostics window.' },
  { name: 'passwordBox', signature: "(message: str, title: str = 'Password', echoChar: str = '*') -> str", doc: 'Asks the user for a password.' },
  {
    name: 'reshapeComponent',
    signature: '(component: Any, x: int, y: int, width: int, height: int) -> None',
    deprecated: { since: '8.1', replacement: 'system.gui.transform' },
    doc: 'Moves and resizes a component (legacy).',
  },
  {
    name: 'resizeComponent',
    signature: '(component: Any, width: int, height: int) -> None',
    deprecated: { since: '8.1', replacement: 'system.gui.transform' },
    doc: 'Resizes a component (legacy).',
  },
  { name: 'setScreenIndex', signature: '(index: int) -> None', doc: 'Moves the client to another monitor.' },
  { name: 'setTouchscreenModeEnabled', signature: '(enabled: bool) -> None', doc: 'Turns touchscreen mode on or off.' },
  {
    name: 'showNumericKeypad',
    signature: '(initialValue: float, fontSize: int = None, usePasswordMode: bool = False) -> float',
    doc: 'Shows a numeric keypad.',
  },
  {
    name: 'showTouchscreenKeyboard',
    signature: '(initialText: str, fontSize: int = None, passwordMode: bool = False) -> str',
    doc: 'Shows a touchscreen keyboard.',
  },
  {
    name: 'transform',
    signature:
      '(component: Any, newX: int = None, newY: int = None, newWidth: int = None, newHeight: int = None, duration: int = 0, ' +
      'callback: Callable = None, framesPerSecond: int = 60, acceleration: int = None, coordSpace: int = None) -> Any',
    doc: 'Moves or resizes a component, optionally animated.',
  },
  { name: 'warningBox', signature: "(message: str, title: str = 'Warning') -> None", doc: 'Shows a warning dialog.', perspectiveInstead: 'a popup view opened with system.perspective.openPopup' },
], {
  constants: ['ACCL_NONE', 'ACCL_CONSTANT', 'ACCL_FAST_TO_SLOW', 'ACCL_SLOW_TO_FAST', 'ACCL_EASE', 'COORD_DESIGNER', 'COORD_SCREEN'],
  perspectiveInstead: 'views, popups and docks (system.perspective.openPopup, openDock)',
});
