// Every host call the runtime answers, by name.
import { dataCalls } from './data';
import { dateCalls } from './date';
import { perspectiveCalls } from './perspective';
import { treeCalls } from './tree';
import type { HostCalls } from './types';
import { utilCalls } from './util';

export const hostCalls: HostCalls = { ...treeCalls, ...dateCalls, ...utilCalls, ...perspectiveCalls, ...dataCalls };
