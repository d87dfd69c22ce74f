/**
 * Names for the synthetic monolith: case conversions, the choice of domain names, and the entity
 * names of each domain. Domains come from the vocabulary's base domains in a seeded order; a
 * monolith needing more gets qualified domains ("b2b-billing") whose entities carry the qualifier
 * ("b2bInvoice"). A domain needing more entities than its list derives them with suffixes
 * ("invoiceSnapshot"). A registry of claimed names keeps every class and file name unique.
 */
import { DOMAIN_ENTITIES, DOMAIN_QUALIFIERS, ENTITY_SUFFIXES, RESERVED_NAMES } from '../vocabulary.js';
import type { Rng } from './rng.js';

const BASE_DOMAINS: readonly string[] = Object.keys(DOMAIN_ENTITIES).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Largest number of domains the vocabulary can name. */
export const MAX_DOMAINS = BASE_DOMAINS.length * (DOMAIN_QUALIFIERS.length + 1);

/** `invoiceLine` -> `invoice-line`; digits stay with their word (`b2bInvoice` -> `b2b-invoice`). */
export function kebab(camel: string): string {
  return camel.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** `invoice-line` -> `invoiceLine`. */
export function camelFromKebab(text: string): string {
  return text.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

export function pascal(camel: string): string {
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** `invoiceLine` -> `INVOICE_LINE`. */
export function constant(camel: string): string {
  return kebab(camel).replace(/-/g, '_').toUpperCase();
}

/** `invoice-line` -> `invoice line`, for comments and messages. */
export function words(camel: string): string {
  return kebab(camel).replace(/-/g, ' ');
}

/** `an account`, `a billing cycle`: the words of a camelCase name with their article. */
export function aWords(camel: string): string {
  const text = words(camel);
  return `${/^([aeio]|u(?!s|ni))/.test(text) ? 'an' : 'a'} ${text}`;
}

/** `count` domain names: base domains in seeded order, then qualified ones; sorted. */
export function chooseDomains(count: number, rng: Rng): string[] {
  const base = rng.shuffle(BASE_DOMAINS);
  if (count <= base.length) return sortNames(base.slice(0, count));
  const qualified: string[] = [];
  for (const qualifier of DOMAIN_QUALIFIERS)
    for (const domain of BASE_DOMAINS) qualified.push(`${qualifier}-${domain}`);
  return sortNames([...base, ...rng.shuffle(qualified).slice(0, count - base.length)]);
}

/** Claimed identifiers and file names; the generator never emits the same one twice. */
export class NameRegistry {
  private readonly claimed = new Set<string>(RESERVED_NAMES);

  has(name: string): boolean {
    return this.claimed.has(name);
  }

  /** Claims every name, or none when one is already taken. */
  claim(...names: string[]): boolean {
    if (names.some((name) => this.claimed.has(name))) return false;
    for (const name of names) this.claimed.add(name);
    return true;
  }
}

/** The vocabulary list of a (possibly qualified) domain, with the qualifier folded into each name. */
export function listedEntities(domain: string): string[] {
  const dash = domain.indexOf('-');
  const qualifier = dash < 0 ? null : domain.slice(0, dash);
  const base = dash < 0 ? domain : domain.slice(dash + 1);
  const list = DOMAIN_ENTITIES[base] ?? [];
  return list.map((name) => (qualifier === null ? name : camelFromKebab(`${qualifier}-${kebab(name)}`)));
}

/**
 * `count` entity names for a domain: its listed entities first (already claimed by the caller for
 * every domain, so derived names can never steal another domain's), then derived ones.
 */
export function entityNames(domain: string, count: number, registry: NameRegistry): string[] {
  let generation = listedEntities(domain);
  const names = generation.slice(0, count);
  while (names.length < count && generation.length > 0) {
    const next: string[] = [];
    for (const suffix of ENTITY_SUFFIXES) {
      for (const name of generation) {
        const derived = `${name}${suffix}`;
        if (names.length < count && registry.claim(derived)) names.push(derived);
        next.push(derived);
      }
    }
    generation = next;
  }
  return names;
}

function sortNames(names: string[]): string[] {
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
