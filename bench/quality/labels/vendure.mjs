#!/usr/bin/env node
/**
 * Ground truth for vendure-ecommerce/vendure at v3.5.4, root `packages/core/src` (the sources of
 * the NestJS core package; no tsconfig of its own, so seams scans it; its imports are relative or
 * to the published @vendure/common, so all internal imports resolve; the package folder would add
 * only build scripts and mock data). The core is layer-first: entity/<domain>/, service/services/<domain>.service.ts,
 * service/helpers/, api/resolvers/{admin,shop,entity}/<domain>.resolver.ts, event-bus/events/,
 * config/<domain>/ strategies, beside infrastructure (api/common, connection, job-queue, cache, ...).
 *
 * Rule (business domain; the domain folders come from the code and the docs, the other layers
 * DEPEND ON FILE NAMES):
 *   Domains: the folders of entity/ (one per aggregate: entity/order/, entity/region/ holding
 *   country, province and region, ...), grouped by the maintainers' own list of core concepts, the
 *   pages of docs/docs/guides/core-concepts/: an entity folder whose first word (singular) is a word
 *   of a concept page's name gets that page (product, product-variant, product-option,
 *   product-option-group -> products; facet, facet-value -> facets-filters; order, order-line,
 *   order-modification, order-line-reference -> orders; stock-level/location/movement ->
 *   stock-control; tax-category, tax-rate -> taxes; ...); other entity folders keep their name
 *   (address, administrator, region, refund, seller, session, surcharge, tag, history-entry, ...).
 *   plugin/default-search-plugin/ is the `search` page's domain.
 *   Labels:
 *   1. entity/<folder>/** -> the folder's domain; plugin/default-search-plugin/** -> search.
 *   2. service/services/*, service/helpers/<first segment> (not helpers/utils), api/resolvers/*,
 *      event-bus/events/*: the longest domain key found in the file name's words (the leftmost of
 *      equally long ones); keys are the entity folder names, the entity file stems (country -> region folder),
 *      the concept words that matched a folder (shipping, stock, tax, ...) and SYNONYMS.
 *      (order.service -> orders, shop-products.resolver -> products, draft-order -> orders,
 *      tax-rate-modification-event -> taxes, multi-channel-stock-location-strategy -> stock-control,
 *      login-event -> none.)
 *   3. config/<folder>/** for the domain config folders: the folder name's domain if it has one
 *      (config/order, config/promotion, config/tax, config/auth, config/session-cache, ...), else the
 *      file name's (config/catalog/default-stock-location-strategy.ts -> stock-control).
 *   No label: the infrastructure folders (api/common, api/config, api/decorators, api/middleware,
 *   cache, cli, common, connection, data-import, event-bus root, health-check, i18n, job-queue,
 *   process-context, scheduler, worker, testing, the other plugins, config/{entity, entity-metadata,
 *   job-queue, logger, system, custom-field}), entity/base and the entity root files, service
 *   helpers without a domain word (list-query-builder, entity-hydrator, translator, ...), and the
 *   composition roots (app.module.ts, bootstrap.ts, service.module.ts, api.module.ts, index.ts).
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = 'packages/core/src';
const CONCEPTS = 'docs/docs/guides/core-concepts';
const SEARCH_PLUGIN = 'plugin/default-search-plugin';
/** config/ folders that configure infrastructure, not a business domain. */
const INFRA_CONFIG = new Set(['entity', 'entity-metadata', 'job-queue', 'logger', 'system', 'custom-field']);
/**
 * Synonyms (word or name -> domain key). Each entry:
 * - authentication -> auth: entity/authentication-method, ExternalAuthenticationService and the
 *   authentication strategies are the docs' `auth` concept.
 * - history -> history-entry: HistoryService (history.service.ts) manages the HistoryEntry entities.
 * - settings-store -> settings-store-entry: SettingsStoreService, its resolver and config/settings-store
 *   manage the SettingsStoreEntry entity.
 */
const SYNONYMS = { authentication: 'auth', history: 'history-entry', 'settings-store': 'settings-store-entry' };

const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node vendure.mjs <checkout-dir>');
  process.exit(2);
}
const root = path.resolve(checkout, ROOT);

/** Files seams analyses by default (no tsconfig: every .ts/.tsx/.mts/.cts, no declarations, no tests), relative to root. */
function listFiles(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (['node_modules', 'dist', 'build', 'coverage'].includes(name) || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const id = rel ? `${rel}/${name}` : name;
    if (statSync(full).isDirectory()) {
      if (['__tests__', '__mocks__', '__fixtures__', 'test', 'tests', 'e2e', 'integration-tests'].includes(name))
        continue;
      out.push(...listFiles(full, id));
    } else if (
      /\.(ts|tsx|mts|cts)$/.test(name) &&
      !/\.d\.(ts|mts|cts)$/.test(name) &&
      !/\.(test|spec|e2e-spec|e2e|stories)\./.test(name)
    ) {
      out.push(id);
    }
  }
  return out;
}
function singularise(word) {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ss')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const files = listFiles(root);

// Core concepts (the docs' pages) and their words.
const conceptsDir = path.join(checkout, CONCEPTS);
if (!existsSync(conceptsDir)) throw new Error(`${conceptsDir} not found`);
const concepts = readdirSync(conceptsDir)
  .filter((name) => statSync(path.join(conceptsDir, name)).isDirectory())
  .sort();
const conceptWords = new Map(concepts.map((c) => [c, c.split('-').map(singularise)]));
const conceptWith = (word) => concepts.find((c) => conceptWords.get(c).includes(word)) ?? null;

// Entity folders and the stem -> folder map of their entity files.
const entityFolders = [];
const stemFolder = new Map();
for (const id of files) {
  const m = id.match(/^entity\/([^/]+)\/(?:.*\/)?([^/]+)\.entity\.ts$/);
  if (!m || m[1] === 'base') continue;
  if (!entityFolders.includes(m[1])) entityFolders.push(m[1]);
  stemFolder.set(m[2], m[1]);
}
entityFolders.sort();

/** Domain label of an entity folder: its concept page, else its own name. */
const usedConceptWords = new Map();
function domainOfFolder(folder) {
  const first = folder.split('-')[0];
  const word = SYNONYMS[first] ?? first;
  const concept = conceptWith(word);
  if (concept) {
    usedConceptWords.set(word, concept);
    return concept;
  }
  return folder;
}
/** Domain keys (kebab names) -> label. */
const keys = new Map();
for (const folder of entityFolders) keys.set(folder, domainOfFolder(folder));
for (const [stem, folder] of stemFolder) if (!keys.has(stem)) keys.set(stem, keys.get(folder));
const searchConcept = conceptWith('search');
if (searchConcept) usedConceptWords.set('search', searchConcept);
for (const [word, concept] of usedConceptWords) if (!keys.has(word)) keys.set(word, concept);
for (const [name, target] of Object.entries(SYNONYMS)) if (!keys.has(name)) keys.set(name, keys.get(target) ?? target);

/** The longest domain key among the words of a kebab name, the leftmost of equally long ones; null when none. */
function domainInName(name) {
  const words = name.toLowerCase().split(/[-.]/).filter(Boolean);
  for (let length = words.length; length > 0; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const span = words.slice(start, start + length);
      const raw = span.join('-');
      const singular = [...span.slice(0, -1), singularise(span[span.length - 1])].join('-');
      if (keys.has(raw)) return keys.get(raw);
      if (keys.has(singular)) return keys.get(singular);
    }
  }
  return null;
}
const stemOf = (id) => path.posix.basename(id).replace(/\.(ts|tsx|mts|cts)$/, '');

const labels = {};
for (const id of files) {
  const parts = id.split('/');
  let label = null;
  if (parts[0] === 'entity' && parts.length > 2 && parts[1] !== 'base') label = domainOfFolder(parts[1]);
  else if (id.startsWith(`${SEARCH_PLUGIN}/`)) label = searchConcept;
  else if (parts[0] === 'service' && parts[1] === 'services') label = domainInName(stemOf(id));
  else if (parts[0] === 'service' && parts[1] === 'helpers' && parts[2] !== 'utils' && parts.length > 2)
    label = domainInName(parts.length > 3 ? parts[2] : stemOf(id));
  else if (parts[0] === 'api' && parts[1] === 'resolvers') label = domainInName(stemOf(id));
  else if (parts[0] === 'event-bus' && parts[1] === 'events') label = domainInName(stemOf(id));
  else if (parts[0] === 'config' && parts.length > 2 && !INFRA_CONFIG.has(parts[1]))
    label = domainInName(parts[1]) ?? domainInName(stemOf(id));
  if (label) labels[id] = label;
}

const sorted = Object.fromEntries(
  Object.keys(labels)
    .sort()
    .map((id) => [id, labels[id]]),
);
writeFileSync(path.join(here, 'vendure.json'), `${JSON.stringify(sorted, null, 2)}\n`);
const counts = {};
for (const label of Object.values(sorted)) counts[label] = (counts[label] ?? 0) + 1;
console.log(
  `vendure: ${Object.keys(sorted).length} labelled files of ${files.length}, ${Object.keys(counts).length} labels`,
);
console.log(
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l}:${n}`)
    .join(' '),
);
