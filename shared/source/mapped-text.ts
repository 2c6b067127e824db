// Builds a text piece by piece while recording where each piece came from in the original file.
import { LineIndex, OriginMap } from './origin';

export class MappedTextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly origin: OriginMap;

  constructor(file: string, original: LineIndex) {
    this.origin = new OriginMap(file, original);
  }

  /** Characters copied verbatim from the original, starting at `originOffset`. */
  original(text: string, originOffset: number): this {
    if (text.length === 0) return this;
    this.origin.add(this.length, originOffset);
    return this.push(text);
  }

  /** Characters that are not in the original (a `def` line, an indent, a decoded escape): all map to `anchor`. */
  synthetic(text: string, anchor: number): this {
    for (let i = 0; i < text.length; i++) {
      this.origin.add(this.length + i, anchor);
    }
    return this.push(text);
  }

  /** Characters of another mapped text, keeping their origins. */
  mapped(text: string, from: OriginMap, start = 0, end = text.length): this {
    const runs = from.runs(start, end);
    for (let i = 0; i < runs.length; i++) this.origin.add(this.length + (runs[i].text - start), runs[i].origin);
    return this.push(text.slice(start, end));
  }

  get offset(): number {
    return this.length;
  }

  text(): string {
    return this.parts.join('');
  }

  private push(text: string): this {
    this.parts.push(text);
    this.length += text.length;
    return this;
  }
}

/** Mapped text plus the map, as loaders hand them to `wrapBody`. */
export interface MappedText {
  text: string;
  origin: OriginMap;
}
