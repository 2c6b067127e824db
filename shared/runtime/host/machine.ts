// Host calls of the system.* functions that reach the gateway's machine (system.file, system.net, system.util.execute):
// simulated, never this machine. Files live in the run's memory; no program starts and no request leaves.
import { HostError, type Value } from '../../engine/types';
import type { RuntimeParts } from '../parts';
import { location, text, type HostCalls } from './types';

/** The simulated gateway's file system: one per runtime (keyed by its trace), empty when the run starts. */
const machines = new WeakMap<object, { files: Map<string, string>; temp: number }>();

function machine(parts: Pick<RuntimeParts, 'trace'>): { files: Map<string, string>; temp: number } {
  let found = machines.get(parts.trace);
  if (!found) machines.set(parts.trace, (found = { files: new Map(), temp: 0 }));
  return found;
}

/** What a script wrote, as the text stored: bytes (a list of numbers) as Latin-1, anything else as its text. */
function contents(data: Value | undefined): string {
  if (Array.isArray(data) && data.every((b) => typeof b === 'number')) return String.fromCharCode(...data.map((b) => b & 0xff));
  return typeof data === 'string' ? data : JSON.stringify(data ?? null);
}

function read(parts: Pick<RuntimeParts, 'trace'>, path: Value | undefined): string {
  const file = text(path, 'filepath');
  const found = machine(parts).files.get(file);
  if (found === undefined) throw new HostError('java.io.FileNotFoundException', `${file} (No such file or directory): the simulated gateway has only the files its scripts wrote in this run`);
  return found;
}

export const machineCalls: HostCalls = {
  'file.write': (parts, [path, data, append]) => {
    const files = machine(parts).files;
    const file = text(path, 'filepath');
    files.set(file, `${append === true ? files.get(file) ?? '' : ''}${contents(data)}`);
    return null;
  },
  'file.readString': (parts, [path]) => read(parts, path),
  'file.readBytes': (parts, [path]) => Array.from(read(parts, path), (c) => c.charCodeAt(0) & 0xff),
  'file.exists': (parts, [path]) => machine(parts).files.has(text(path, 'filepath')),
  'file.temp': (parts, [extension]) => {
    const state = machine(parts);
    const file = `/tmp/periscope-simulated-${++state.temp}.${String(extension ?? 'tmp').replace(/^\./, '')}`;
    state.files.set(file, '');
    return file;
  },
  'net.hostName': () => 'gateway',
  'net.ipAddress': () => '127.0.0.1',
  'net.request': (parts, [name, url, where]) => {
    parts.divergences.report('host-access', `system.net.${String(name)}(${JSON.stringify(url)}) would send a request from the gateway; the simulator sends none and raises the error a gateway raises when it cannot connect`, location(where));
    throw new HostError('java.net.ConnectException', `${String(url)}: the simulator makes no network requests`);
  },
  'util.execute': (parts, [commands, where]) => {
    parts.divergences.report('host-access', `system.util.execute(${JSON.stringify(commands)}) would start a program on the gateway's machine; the simulator starts none (ignored here)`, location(where));
    return null;
  },
};
