/**
 * Event coupling: a module that emits an event, message or queue job and a module that listens to
 * it are coupled, asynchronously (the "shared events" evidence of service identification; weaker
 * than an import, so it gets its own weight, `weights.event`). Per channel (graph/events.ts) with k
 * distinct modules on its two sides, each emitter–listener pair gets 1 / (k − 1), so one channel
 * adds at most 1 to any module's total however many modules share it, like the data signal; a
 * channel with more than MAX_USERS modules is a common bus and adds nothing.
 */
import { compareStrings } from '../base/compare.js';
import { PairMap } from './pair-map.js';
import { MAX_USERS } from './entity-edges.js';
import type { EventChannel } from '../graph/events.js';
import type { WeightedEdge } from './types.js';

export function eventEdges(channels: readonly EventChannel[]): WeightedEdge[] {
  const weights = new PairMap<WeightedEdge>();
  const edges: WeightedEdge[] = [];
  for (const channel of channels) {
    const emitters = [...new Set(channel.emitters.map((item) => item.module))];
    const listeners = [...new Set(channel.listeners.map((item) => item.module))];
    const modules = new Set([...emitters, ...listeners]);
    if (emitters.length === 0 || listeners.length === 0 || modules.size < 2 || modules.size > MAX_USERS) continue;
    const weight = 1 / (modules.size - 1);
    // A pair is coupled once per channel, whichever of its modules emits.
    const pairs = new Set<string>();
    for (const emitter of emitters) {
      for (const listener of listeners) {
        if (emitter === listener) continue;
        const [source, target] = compareStrings(emitter, listener) <= 0 ? [emitter, listener] : [listener, emitter];
        const key = `${source}\0${target}`;
        if (pairs.has(key)) continue;
        pairs.add(key);
        const existing = weights.get(source, target);
        if (existing) existing.weight += weight;
        else {
          const edge = { source, target, weight };
          weights.set(source, target, edge);
          edges.push(edge);
        }
      }
    }
  }
  return edges.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target));
}
