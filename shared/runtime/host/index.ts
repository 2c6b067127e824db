// Every host call the runtime answers, by name.
import { callRecordingCalls } from './calls';
import { dataCalls } from './data';
import { dateCalls } from './date';
import { machineCalls } from './machine';
import { perspectiveCalls } from './perspective';
import { treeCalls } from './tree';
import type { HostCalls } from './types';
import { componentCalls, withViewTrees } from '../views/host';
import { utilCalls } from './util';

export const hostCalls: HostCalls = { ...withViewTrees(treeCalls), ...componentCalls, ...dateCalls, ...machineCalls, ...utilCalls, ...perspectiveCalls, ...dataCalls, ...callRecordingCalls };
