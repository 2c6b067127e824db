// The Session Events a gateway fires, with the function it calls and the 8.3 folder that stores each.
import type { Wrapper } from '../source/script';

export interface SessionEventKind {
  /** Key in 8.1 `data.bin`, and the function name. */
  event: string;
  /** Folder under `com.inductiveautomation.perspective/` in 8.3. */
  folder: string;
  params: string[];
}

export const SESSION_EVENTS: readonly SessionEventKind[] = [
  { event: 'onStartup', folder: 'startup', params: ['session'] },
  { event: 'onShutdown', folder: 'shutdown', params: ['session'] },
  { event: 'onPageStartup', folder: 'page-startup', params: ['page'] },
  { event: 'onAuthChallengeCompleted', folder: 'auth-challenge', params: ['session', 'payload', 'result'] },
  { event: 'onBarcodeDataReceived', folder: 'barcode', params: ['session', 'data', 'context'] },
  { event: 'onBluetoothReceived', folder: 'bluetooth', params: ['session', 'data'] },
  { event: 'onAccelerometerDataReceived', folder: 'accelerometer', params: ['session', 'data', 'context'] },
  { event: 'onNdefDataReceived', folder: 'nfc-scan', params: ['session', 'data', 'context'] },
];

export const MESSAGE_HANDLER: Wrapper = { name: 'handleMessage', params: ['session', 'payload'] };
export const KEY_EVENT: Wrapper = { name: 'onKeyEvent', params: ['page', 'event'] };
export const FORM_SUBMISSION: Wrapper = {
  name: 'handleSubmission',
  params: ['session', 'name', 'data', 'files', 'formContext', 'sessionContext', 'retry'],
};
