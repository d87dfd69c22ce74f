#!/usr/bin/env node
/**
 * Ground truth for directus/directus at release v11.14.1, root `api` (the Express API package; its
 * tsconfig.json includes only `src`). The API is layer-first: `src/controllers/<domain>.ts`,
 * `src/services/<domain>.ts` (plus `src/services/<domain>/...` for the bigger ones), beside
 * technical folders (database, middleware, utils, types, ...) and a few capability folders.
 *
 * Rule (business domain; it DEPENDS ON FILE AND FOLDER NAMES, Directus has no other structure):
 *   1. Capability folders directly under src/ are one domain each, named by the folder:
 *      ai, auth, extensions, metrics, operations, permissions, storage, telemetry, websocket.
 *   2. In the layer folders controllers/, services/ and schedules/, the domain is the first path
 *      segment under the layer: the file stem (`services/users.ts` -> users) or the sub-folder
 *      (`services/files/lib/get-sharp-instance.ts` -> files).
 *   3. The three root files that name a domain: src/auth.ts, src/flows.ts, src/mailer.ts.
 *   The stem is singularised (users -> user, activity stays activity) and passed through SYNONYMS
 *   below. A stem of a layer file (rule 2) only counts if it is in the vocabulary: the stems of
 *   controllers/ and services/ plus the folders of rule 1 (so schedules/project.ts and
 *   schedules/retention.ts get no label). Stems in NO_DOMAIN get no label.
 *   Everything else gets no label: database/ (migrations, query engine, dialect helpers),
 *   middleware/, utils/, types/, cli/, lock/, bus/, redis/, logger/, request/, the test helpers
 *   (__utils__/, test-utils/), and the bootstrap / infrastructure root files (app.ts, server.ts,
 *   start.ts, index.ts, cache.ts, emitter.ts, rate-limiter.ts, synchronization.ts, constants.ts).
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = 'api';

/** Capability folders directly under src/ (rule 1). */
const DOMAIN_FOLDERS = [
  'ai',
  'auth',
  'extensions',
  'metrics',
  'operations',
  'permissions',
  'storage',
  'telemetry',
  'websocket',
];
/** Layer folders whose first segment names the domain (rule 2). */
const LAYERS = ['controllers', 'services', 'schedules'];
/** Root files that name a domain (rule 3). */
const ROOT_FILES = { 'src/auth.ts': 'auth', 'src/flows.ts': 'flows', 'src/mailer.ts': 'mailer' };

/**
 * Synonyms and documented parts (singular stem -> domain). Each entry:
 * - authentication -> auth: services/authentication.ts is the service of controllers/auth.ts and auth/.
 * - tfa -> auth: two-factor authentication, a login factor (services/tfa.ts).
 * - asset, tu(s), storage -> file: /assets serves the bytes of directus_files, tus is the resumable
 *   upload protocol for files, storage/ holds the drivers that store file bytes.
 * - folder -> file: folders only organise directus_files; the Studio's Files module shows both.
 * - panel -> dashboard: a panel belongs to one dashboard (the Studio's Insights module).
 * - operation -> flow: operations are the steps of one flow (directus_operations.flow); operations/
 *   holds the step implementations run by src/flows.ts.
 * - revision -> activity: each revision row belongs to an activity row (the Studio's Activity module).
 * - field, relation, schema -> collection: the data model; fields and relations describe
 *   collections, services/schema.ts snapshots / diffs / applies collections+fields+relations.
 * - policy, access -> permission: access control; policies hold permissions and directus_access
 *   attaches policies to roles and users; permissions/ is their engine.
 * - specification -> server: the OpenAPI specs are served under /server/specs.
 * - mailer -> mail: src/mailer.ts is the transport of services/mail.
 * - mcp -> ai: controllers/mcp.ts serves the MCP server of ai/mcp.
 */
const SYNONYMS = {
  authentication: 'auth',
  tfa: 'auth',
  asset: 'file',
  tus: 'file',
  storage: 'file',
  folder: 'file',
  panel: 'dashboard',
  operation: 'flow',
  revision: 'activity',
  field: 'collection',
  relation: 'collection',
  schema: 'collection',
  policy: 'permission',
  access: 'permission',
  specification: 'server',
  mailer: 'mail',
  mcp: 'ai',
};
/** Stems that are not business domains: the generic CRUD engine every service extends, its helpers, utilities. */
const NO_DOMAIN = new Set(['item', 'payload', 'meta', 'util', 'index', 'not-found']);
/** Words that singularise() must leave alone. */
const INVARIANT = new Set(['tus']);

const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node directus.mjs <checkout-dir>');
  process.exit(2);
}
const root = path.resolve(checkout, ROOT);

/** Files seams analyses by default under the tsconfig (include: src), as module ids relative to root. */
function listFiles(dir, rel) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (['node_modules', 'dist', 'build', 'coverage'].includes(name) || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const id = `${rel}/${name}`;
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
  if (INVARIANT.has(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ss')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
const stemOf = (segment) => segment.replace(/\.(ts|tsx|mts|cts)$/, '');
const canonical = (stem) => {
  const singular = singularise(stem);
  return SYNONYMS[stem] ?? SYNONYMS[singular] ?? singular;
};

const files = listFiles(path.join(root, 'src'), 'src');

// Vocabulary: the stems of controllers/ and services/ (files and sub-folders) and the capability folders.
const vocabulary = new Set(DOMAIN_FOLDERS.map(canonical));
for (const id of files) {
  const parts = id.split('/');
  if (parts[1] === 'controllers' || parts[1] === 'services') vocabulary.add(canonical(stemOf(parts[2])));
}

const labels = {};
for (const id of files) {
  const parts = id.split('/');
  let label = null;
  if (ROOT_FILES[id]) label = canonical(ROOT_FILES[id]);
  else if (parts.length > 2 && DOMAIN_FOLDERS.includes(parts[1])) label = canonical(parts[1]);
  else if (parts.length > 2 && LAYERS.includes(parts[1])) {
    const candidate = canonical(stemOf(parts[2]));
    if (vocabulary.has(candidate)) label = candidate;
  }
  if (label && !NO_DOMAIN.has(label)) labels[id] = label;
}

// Module ids are relative to root (`api`): they start with `src/`.
const sorted = Object.fromEntries(
  Object.keys(labels)
    .sort()
    .map((id) => [id, labels[id]]),
);
writeFileSync(path.join(here, 'directus.json'), `${JSON.stringify(sorted, null, 2)}\n`);
const counts = {};
for (const label of Object.values(sorted)) counts[label] = (counts[label] ?? 0) + 1;
console.log(`directus: ${Object.keys(sorted).length} labelled files, ${Object.keys(counts).length} labels`);
console.log(
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l}:${n}`)
    .join(' '),
);
