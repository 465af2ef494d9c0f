/**
 * A small seeded pseudo-random source for the demo mailbox. mulberry32 is tiny, fast and
 * good enough for picking names and times; it is not for anything secret. Everything in the
 * demo draws from one of these so the same seed always gives the same mailbox.
 */

/** Seeded random source with the few helpers the demo generator needs. */
export class DemoRandom {
  private state: number;

  /** Starts the sequence from `seed` (any integer; only the low 32 bits count). */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next float in [0, 1), mulberry32. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('DemoRandom.pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `count` distinct elements (or all of them when the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy;
  }

  /** Lowercase hex string of `length` characters. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** An independent stream derived from this one, so one part of the plan can change without reshuffling the rest. */
  fork(): DemoRandom {
    return new DemoRandom(Math.floor(this.next() * 4294967296));
  }
}
