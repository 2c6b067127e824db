// A tag provider built from fixtures: values with quality and timestamp, read and written by path like a gateway.
import type { QualityCode } from './quality';
import { Quality } from './quality';
import { UNSAFE_KEYS } from '../loaders/json-file';

export interface QualifiedValue {
  value: unknown;
  quality: QualityCode;
  /** Virtual clock, epoch ms. */
  timestamp: number;
}

export interface TagProvider {
  read(paths: string[]): QualifiedValue[];
  write(paths: string[], values: unknown[], now: number): QualityCode[];
}

interface Tag {
  /** The path as the fixtures wrote it, provider included. */
  path: string;
  value: unknown;
  dataType?: string;
  quality: QualityCode;
  timestamp: number;
}

/** One node of Ignition's tag export JSON. */
interface ExportedTag {
  name?: unknown;
  tagType?: unknown;
  tags?: unknown;
  value?: unknown;
  dataType?: unknown;
}

/**
 * Tag paths are case-insensitive on a gateway, `[default]` is the provider a path without one uses, and a
 * trailing `.value` reads the value property; all of these name the same tag.
 */
export function normaliseTagPath(path: string): string {
  let p = String(path).trim();
  const provider = /^\[([^\]]*)\]/.exec(p);
  let prefix = '';
  if (provider) {
    p = p.slice(provider[0].length);
    const name = provider[1].trim().toLowerCase();
    if (name !== '' && name !== 'default' && name !== '~') prefix = `[${name}]`;
  }
  p = p.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.value$/i, '');
  return prefix + p.toLowerCase();
}

export class FixtureTagProvider implements TagProvider {
  private readonly tags = new Map<string, Tag>();

  /** `now` is the virtual clock: the time of the tags' first values, and of a read that finds nothing. */
  constructor(source: Record<string, unknown> | object, private readonly now: () => number) {
    const start = now();
    if (isTagExport(source)) {
      this.addExported(source, '', start);
    } else {
      for (const [path, value] of Object.entries(source)) {
        if (UNSAFE_KEYS.has(path)) continue;
        this.tags.set(normaliseTagPath(path), { path, value, quality: Quality.Good, timestamp: start });
      }
    }
  }

  read(paths: string[]): QualifiedValue[] {
    return paths.map((path) => {
      const tag = this.tags.get(normaliseTagPath(path));
      if (!tag) return { value: null, quality: Quality.Bad_NotFound, timestamp: this.now() };
      return { value: tag.value, quality: tag.quality, timestamp: tag.timestamp };
    });
  }

  write(paths: string[], values: unknown[], now: number): QualityCode[] {
    return paths.map((path, i) => {
      const tag = this.tags.get(normaliseTagPath(path));
      if (!tag) return Quality.Bad_NotFound;
      const converted = convert(values[i], tag.dataType);
      if (converted === undefined) return Quality.Error_TypeConversion;
      tag.value = converted.value;
      tag.quality = Quality.Good;
      tag.timestamp = now;
      return Quality.Good;
    });
  }

  /** Every tag path, as written in the fixtures. */
  paths(): string[] {
    return [...this.tags.values()].map((t) => t.path);
  }

  private addExported(node: ExportedTag, folder: string, now: number): void {
    const name = typeof node.name === 'string' ? node.name : '';
    const isRoot = folder === '' && (node.tagType === undefined || node.tagType === 'Provider');
    const path = isRoot ? '' : folder === '' ? name : `${folder}/${name}`;
    if (Array.isArray(node.tags)) {
      for (const child of node.tags) if (isObject(child)) this.addExported(child, path, now);
    }
    if (node.tagType === 'AtomicTag' && name !== '') {
      const dataType = typeof node.dataType === 'string' ? node.dataType : undefined;
      this.tags.set(normaliseTagPath(path), { path: `[default]${path}`, value: node.value ?? null, dataType, quality: Quality.Good, timestamp: now });
    }
  }
}

function isObject(value: unknown): value is ExportedTag {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ignition's export has a `tags` list or a `tagType`; a flat map has paths as keys. */
function isTagExport(source: object): source is ExportedTag {
  return Array.isArray((source as ExportedTag).tags) || typeof (source as ExportedTag).tagType === 'string';
}

/** A written value converted to the tag's data type, or undefined when it does not convert (as the gateway refuses). */
function convert(value: unknown, dataType: string | undefined): { value: unknown } | undefined {
  if (value === null || value === undefined || !dataType) return { value: value ?? null };
  if (/^Int[1248]$/.test(dataType)) {
    const n = typeof value === 'boolean' ? Number(value) : Number(value);
    return Number.isFinite(n) && String(value).trim() !== '' ? { value: Math.trunc(n) } : undefined;
  }
  if (/^Float[48]$/.test(dataType)) {
    const n = Number(value);
    return Number.isFinite(n) && String(value).trim() !== '' ? { value: n } : undefined;
  }
  if (dataType === 'Boolean') {
    if (typeof value === 'boolean') return { value };
    if (typeof value === 'number') return { value: value !== 0 };
    if (typeof value === 'string' && /^(true|false|0|1)$/i.test(value.trim())) return { value: /^(true|1)$/i.test(value.trim()) };
    return undefined;
  }
  if (dataType === 'String') return { value: typeof value === 'string' ? value : JSON.stringify(value) };
  return { value };
}
