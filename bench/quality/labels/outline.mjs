#!/usr/bin/env node
/**
 * Ground truth for outline/outline at v1.9.2, root `.` (the repository root holds the only tsconfig,
 * whose `paths` define the `@server/*` and `@shared/*` aliases that server code imports through; a
 * root of `server/` would leave those imports unresolved). seams analyses the whole repository
 * (app/, server/, shared/, plugins/); only the Koa backend `server/` is labelled: it is layer-first
 * (models/, presenters/, policies/, commands/, queues/, routes/api/<domain>/, ...).
 *
 * Rule (business domain; it DEPENDS ON FILE NAMES except for the folder rules 1-2):
 *   Vocabulary: the model names (server/models/*.ts, server/models/oauth/*.ts), the folders of
 *   server/routes/api/ (except the non-domain batch, cron, developer, middlewares) and the domain
 *   folders `oauth` (server/models/oauth/), `collaboration` and `emails`. A name is split into
 *   lower-case words (camelCase/PascalCase, `OAuth` one word), its last word singularised.
 *   Folding: a vocabulary name whose leading words are another vocabulary name folds into it
 *   (GroupMembership, GroupUser -> group; UserMembership, UserAuthentication, UserPasskey -> user;
 *   DocumentInsight -> document; ShareSubscription -> share; TeamDomain -> team; ImportTask -> import;
 *   IntegrationAuthentication -> integration; SearchQuery -> search; OAuthClient... -> oauth),
 *   then SYNONYMS below apply.
 *   1. server/routes/api/<folder>/**, server/routes/<folder>/** (auth, oauth), server/models/oauth/**,
 *      server/collaboration/** and server/emails/** get the (folded) name of their folder.
 *   2. Files of the layer folders models/ (top level and helpers/), presenters/, policies/,
 *      commands/, queues/processors/, queues/tasks/ and tools/ get the vocabulary name found in
 *      their file name's words, the longest one, the leftmost of equally long ones
 *      (DocumentArchivedProcessor -> document, CleanupDeletedDocumentsTask -> document,
 *      CollectionCreatedNotificationsTask -> collection, ApiKeyCleanupProcessor -> api-key,
 *      DocumentAccessRequestNotificationsTask -> access-request); no match, no label (ExportTask,
 *      AvatarProcessor, HTMLHelper).
 *   Everything else gets no label: models/base, decorators, validators; middlewares/, utils/,
 *   storage/, logging/, editor/, scripts/ (data migrations), test/, typings/, services/ (the process
 *   roles: web, worker, collaboration, websockets, admin, cron), routes/api index/schema/middlewares,
 *   the batch/cron/developer routes, and root files (index.ts, env.ts, errors.ts, context.ts, ...).
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = '.';
const SERVER = 'server';

/** routes/api/ folders that are not a business domain (generic batching, cron trigger, dev-only endpoints, middlewares). */
const NO_DOMAIN_ROUTES = new Set(['batch', 'cron', 'developer', 'middlewares']);
/** Folders that are one domain each. */
const DOMAIN_FOLDERS = {
  'server/models/oauth': 'oauth',
  'server/collaboration': 'collaboration',
  'server/emails': 'email',
};
/** Layer folders whose files are labelled by the domain their file name names (rule 2). */
const NAMED_LAYERS = [
  'server/models',
  'server/models/helpers',
  'server/presenters',
  'server/policies',
  'server/commands',
  'server/queues/processors',
  'server/queues/tasks',
  'server/tools',
];
/**
 * Synonyms (folded name -> domain). Each entry:
 * - authentication, authentication-provider -> auth: routes/api/auth serves the sign-in
 *   configuration made of AuthenticationProviders; models/helpers/AuthenticationHelper belongs there.
 * - external-group -> group: an ExternalGroup is the SSO-provider copy of a Group (ExternalGroup.groupId).
 * - webhook-delivery -> webhook-subscription: a WebhookDelivery is one delivery of a WebhookSubscription.
 * - membership -> user: presenters/membership.ts presents UserMembership.
 * - unfurl -> url: presenters/unfurl.ts presents the result of routes/api/urls (urls.unfurl).
 */
const SYNONYMS = {
  authentication: 'auth',
  'authentication-provider': 'auth',
  'external-group': 'group',
  'webhook-delivery': 'webhook-subscription',
  membership: 'user',
  unfurl: 'url',
};

const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node outline.mjs <checkout-dir>');
  process.exit(2);
}
const root = path.resolve(checkout, ROOT);

/** Files seams analyses by default under the root tsconfig (exclude: node_modules, build, server/migrations), relative to root. */
function listFiles(dir, rel) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (['node_modules', 'build', 'dist', 'coverage'].includes(name) || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const id = `${rel}/${name}`;
    if (id === 'server/migrations') continue;
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
/** Lower-case words of a camelCase / PascalCase / kebab name; `OAuth` is one word. */
const wordsOf = (name) =>
  (name.replace(/OAuth/g, 'Oauth').match(/[A-Z]+(?=[A-Z][a-z]|\d|$|[^A-Za-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((w) =>
    w.toLowerCase(),
  );
/** Vocabulary key of a span of words: kebab-case, last word singular. */
const keyOf = (words) => [...words.slice(0, -1), singularise(words[words.length - 1])].join('-');
const stemOf = (file) => path.basename(file).replace(/\.(ts|tsx|mts|cts)$/, '');

const files = listFiles(path.join(root, SERVER), SERVER);
const fileSet = new Set(files);

// Vocabulary.
const vocabulary = new Set(Object.values(DOMAIN_FOLDERS));
for (const id of files) {
  const dir = path.posix.dirname(id);
  if ((dir === 'server/models' || dir === 'server/models/oauth') && stemOf(id) !== 'index')
    vocabulary.add(keyOf(wordsOf(stemOf(id))));
  const m = id.match(/^server\/routes\/api\/([^/]+)\//);
  if (m && !NO_DOMAIN_ROUTES.has(m[1])) vocabulary.add(keyOf(wordsOf(m[1])));
}
/** Folds a vocabulary key into the shortest vocabulary key that leads it, then applies the synonyms. */
function fold(key) {
  const words = key.split('-');
  for (let n = 1; n <= words.length; n++) {
    const prefix = words.slice(0, n).join('-');
    if (vocabulary.has(prefix)) return SYNONYMS[prefix] ?? prefix;
  }
  return SYNONYMS[key] ?? key;
}
/** The longest vocabulary name in a file name (the leftmost of equally long ones), folded; null when none. */
function domainInName(name) {
  const words = wordsOf(name);
  for (let length = words.length; length > 0; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const key = keyOf(words.slice(start, start + length));
      if (vocabulary.has(key) || SYNONYMS[key]) return fold(key);
    }
  }
  return null;
}

const labels = {};
for (const id of files) {
  const dir = path.posix.dirname(id);
  let label = null;
  const folder = Object.keys(DOMAIN_FOLDERS).find((f) => id.startsWith(`${f}/`));
  const api = id.match(/^server\/routes\/api\/([^/]+)\//);
  const route = id.match(/^server\/routes\/([^/]+)\//);
  if (folder) label = fold(DOMAIN_FOLDERS[folder]);
  else if (api) label = NO_DOMAIN_ROUTES.has(api[1]) ? null : fold(keyOf(wordsOf(api[1])));
  else if (route && route[1] !== 'api') {
    const key = keyOf(wordsOf(route[1]));
    label = vocabulary.has(key) ? fold(key) : null;
  } else if (NAMED_LAYERS.includes(dir) && stemOf(id) !== 'index') label = domainInName(stemOf(id));
  if (label) labels[id] = label;
}

const sorted = Object.fromEntries(
  Object.keys(labels)
    .sort()
    .map((id) => [id, labels[id]]),
);
writeFileSync(path.join(here, 'outline.json'), `${JSON.stringify(sorted, null, 2)}\n`);
const counts = {};
for (const label of Object.values(sorted)) counts[label] = (counts[label] ?? 0) + 1;
console.log(
  `outline: ${Object.keys(sorted).length} labelled files of ${fileSet.size} under server/, ${Object.keys(counts).length} labels`,
);
console.log(
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l}:${n}`)
    .join(' '),
);
