import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import { isRoleName, nameStem } from '../extract/words.js';

/** Path words that say nothing about a domain. */
const GENERIC_WORDS = new Set(['src', 'lib', 'index', 'ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'main']);

/**
 * Names each group of modules after its most distinctive name. The names of a module are its
 * domain stem (see domain-stems.ts: `services/album.service.ts` -> album) and the stems of the
 * folders on its path that are not role words; without stems, its path words. A name w scores,
 * for group c, coverage × concentration = (modules of c named w / |c|) × (modules of c named w /
 * modules anywhere named w): a layer word appears in every group and scores low; a domain name
 * such as "order" scores high where its files are. Larger groups choose first; names are unique
 * and avoid `reserved` names (a taken name falls to the group's next best, or gets a -2 suffix; a
 * group with no usable name is `service`, then `service-2`, …). Returns one name per group, in
 * the order given.
 */
export function labelClusters(
  groups: readonly (readonly ModuleId[])[],
  reserved: ReadonlySet<string> = new Set(),
  stems: ReadonlyMap<ModuleId, string> = new Map(),
): string[] {
  const namesOf = (id: ModuleId) => (stems.size === 0 ? pathWords(id) : domainNames(id, stems.get(id)));
  const wordsOf = groups.map((modules) => modules.map((id) => new Set(namesOf(id))));
  const total = new Map<string, number>();
  for (const group of wordsOf)
    for (const words of group) for (const word of words) total.set(word, (total.get(word) ?? 0) + 1);

  const order = groups
    .map((modules, index) => ({ index, size: modules.length, first: modules[0] ?? '' }))
    .sort((a, b) => b.size - a.size || compareStrings(a.first, b.first));
  const taken = new Set<string>(reserved);
  const labels: string[] = new Array<string>(groups.length).fill('');
  for (const { index, size } of order) {
    const counts = new Map<string, number>();
    for (const words of wordsOf[index] ?? []) for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    const ranked = [...counts.entries()]
      .map(([word, count]) => ({ word, count, score: (count / size) * (count / (total.get(word) ?? count)) }))
      .sort((a, b) => b.score - a.score || b.count - a.count || compareStrings(a.word, b.word));
    const free = ranked.find((candidate) => !taken.has(candidate.word));
    const fallback = ranked[0]?.word ?? 'service';
    const label = free ? free.word : taken.has(fallback) ? withSuffix(fallback, taken) : fallback;
    taken.add(label);
    labels[index] = label;
  }
  return labels;
}

function withSuffix(base: string, taken: Set<string>): string {
  for (let suffix = 2; ; suffix++) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

/** A module's domain stem and the stems of the folders on its path that are not named by role words. */
function domainNames(id: ModuleId, stem: string | undefined): string[] {
  const names = stem === undefined ? [] : [stem];
  for (const folder of id.split('/').slice(0, -1)) {
    if (isRoleName(folder)) continue;
    const name = nameStem(folder);
    if (name !== null && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Lower-case words of a module path: folders and file name split on `/ - _ .` and camelCase,
 * extension dropped, words under two letters and numbers dropped, a plural `s` folded
 * ("orders" -> "order") so that singular and plural names meet.
 */
export function pathWords(id: ModuleId): string[] {
  const withoutExtension = id.replace(/\.[cm]?[jt]sx?$/, '');
  return withoutExtension
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word.length >= 2 && !/^\d+$/.test(word) && !GENERIC_WORDS.has(word))
    .map(singular);
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return word.slice(0, -1);
  return word;
}
