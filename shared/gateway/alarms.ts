// Alarms from fixtures, answering `system.alarm.queryStatus` with Ignition's filters and `*` wildcards.
import type { AlarmFixture } from '../gateway-config/fixtures';
import { ALARM_PRIORITIES } from '../gateway-config/fixtures';
import { matchesAny } from './wildcard';

export interface AlarmEvent {
  id: string;
  /** `prov:default:/tag:Tank/Level:/alm:High`. */
  source: string;
  displayPath: string;
  name: string;
  /** 0 Diagnostic ... 4 Critical. */
  priority: number;
  /** `ActiveUnacked`, `ActiveAcked`, `ClearUnacked` or `ClearAcked`. */
  state: string;
  acked: boolean;
  cleared: boolean;
  activeTime: number;
  label?: string;
}

export interface AlarmQuery {
  priority?: Array<string | number>;
  state?: string[];
  path?: string[];
  source?: string[];
  displaypath?: string[];
  includeShelved?: boolean;
  provider?: string[];
}

export interface AlarmStore {
  queryStatus(query: AlarmQuery): AlarmEvent[];
}

export class FixtureAlarmStore implements AlarmStore {
  private readonly events: AlarmEvent[];

  constructor(alarms: AlarmFixture[], now: number) {
    this.events = alarms.map((alarm, i) => {
      const source = alarm.source.startsWith('prov:') ? alarm.source : `prov:default:/tag:${alarm.source.replace(/^\[[^\]]*\]/, '')}:/alm:${alarm.name}`;
      return {
        id: `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
        source,
        displayPath: alarm.displayPath ?? '',
        name: alarm.name,
        priority: priorityNumber(alarm.priority),
        state: alarm.state,
        acked: alarm.state === 'ActiveAcked' || alarm.state === 'ClearAcked',
        cleared: alarm.state.startsWith('Clear'),
        activeTime: alarm.activeTime ? Date.parse(alarm.activeTime) : now,
        ...(alarm.label !== undefined ? { label: alarm.label } : {}),
      };
    });
  }

  queryStatus(query: AlarmQuery): AlarmEvent[] {
    const priorities = query.priority?.map(priorityNumber);
    const states = query.state?.map((s) => s.toLowerCase());
    return this.events
      .filter((e) => !priorities || priorities.length === 0 || priorities.includes(e.priority))
      .filter((e) => !states || states.length === 0 || states.includes(e.state.toLowerCase()))
      .filter((e) => matchesAny(query.source, e.source))
      .filter((e) => !query.path?.length || matchesAny(query.path, e.source) || matchesAny(query.path, tagPathOf(e.source)))
      .filter((e) => matchesAny(query.displaypath, e.displayPath || e.source))
      .filter((e) => matchesAny(query.provider, providerOf(e.source)))
      .map((e) => ({ ...e }));
  }
}

/** Priority names, numbers or numeric strings, as scripts pass them. */
export function priorityNumber(priority: string | number): number {
  if (typeof priority === 'number') return priority;
  const index = ALARM_PRIORITIES.findIndex((p) => p.toLowerCase() === priority.trim().toLowerCase());
  return index >= 0 ? index : Number(priority);
}

/** `prov:default:/tag:Tank/Level:/alm:High` → `[default]Tank/Level`. */
function tagPathOf(source: string): string {
  const m = /^prov:([^:]*):\/tag:(.*?)(?::\/alm:.*)?$/.exec(source);
  return m ? `[${m[1]}]${m[2]}` : source;
}

function providerOf(source: string): string {
  return /^prov:([^:]*):/.exec(source)?.[1] ?? '';
}
