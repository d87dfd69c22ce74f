/**
 * Seeded randomness for the synthetic monolith generator. Every random choice the generator makes
 * goes through an Rng built on the project's mulberry32 (`createRandom`), never Math.random, so a
 * seed and a set of options always produce byte-identical output. Each generation phase derives
 * its own stream from the seed and a label, so changing one phase's options (say, the noise
 * share) does not reshuffle the choices of the phases before it.
 */
import { createRandom } from '../../src/cluster/random.js';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element; the array must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** Up to `count` distinct elements, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** An Rng for one phase: the seed mixed with a hash of the phase label. */
export function createRng(seed: number, phase: string): Rng {
  const next = createRandom((seed ^ hashLabel(phase)) >>> 0);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = int(0, index);
      const held = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = held;
    }
    return copy;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
    shuffle,
    sample: <T>(items: readonly T[], count: number) => shuffle(items).slice(0, Math.max(0, count)),
  };
}

/** FNV-1a over the label's UTF-16 code units. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < label.length; index += 1) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
