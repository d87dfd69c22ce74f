#!/usr/bin/env node
/**
 * Ground truth for logto-io/logto at 1fbc55441fd28d9e3e7d69c1522e7654dccfe99c (master, 2026-08-21),
 * root `packages/core` (the Koa server of the monorepo; its tsconfig.json includes `src` and maps
 * `#src/*` to `src/*`). The server is layer-first: `src/routes/<domain>(/...)`,
 * `src/routes-me/<domain>.ts`, `src/libraries/<domain>(/...)`, `src/queries/<domain>(/...)`, beside
 * technical folders (database, middleware, utils, caches, workers, tenants, env-set, ...).
 *
 * Rule (business domain; it DEPENDS ON FILE AND FOLDER NAMES, the code has no other structure):
 *   1. Capability folders directly under src/ are one domain each (DOMAIN_FOLDERS): oidc/ -> oidc,
 *      sso/ (the SSO connector implementations) -> sso-connector, saml-application/ ->
 *      saml-application, sentinel/ -> sentinel.
 *   2. In the layer folders routes/, routes-me/, libraries/ and queries/, the domain is named by the
 *      first path segment under the layer: the sub-folder (`routes/applications/...` ->
 *      applications, `queries/organization/user-relations.ts` -> organization) or the file stem
 *      (`queries/application-secrets.ts`), of which only the part before the first dot counts
 *      (`routes/role.scope.ts` -> role, `libraries/user.utils.ts` -> user).
 *   Names are normalised: split on `-`, every word singularised (applications-roles ->
 *   application-role; status stays status), then SYNONYMS (below) apply, then a name whose leading
 *   words are another domain name folds into the shortest such name (application-secret,
 *   application-access-control -> application; user-sso-identity, users-roles -> user;
 *   organization-invitation -> organization; account-center -> account; verification-code,
 *   verification-status -> verification; sentinel-activity -> sentinel; oidc-private-key -> oidc;
 *   trusted-device-policy -> trusted-device; tenant-usage -> tenant), then SYNONYMS apply again.
 *   The domain names are the normalised names of rule 1 and rule 2 themselves (the vocabulary).
 *   3. Names in NO_DOMAIN get no label: the route composition root and shared types (init, types),
 *      the health check (status) and the OpenAPI document generator (swagger).
 *   Everything else gets no label: database/ (generic query helpers), middleware/, utils/, caches/,
 *   workers/, tenants/ (the per-tenant composition root: Tenant, Libraries, Queries), app/,
 *   env-set/, errors/, i18n/, constants/, event-listeners/ (oidc-provider event hooks for logs and
 *   usage counters), test-utils/, __mocks__/, index.ts and main.ts.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = 'packages/core';

/** Capability folders directly under src/ (rule 1). */
const DOMAIN_FOLDERS = {
  'src/oidc': 'oidc',
  'src/sso': 'sso-connector',
  'src/saml-application': 'saml-application',
  'src/sentinel': 'sentinel',
};
/** Layer folders whose first segment names the domain (rule 2). */
const LAYERS = ['src/routes', 'src/routes-me', 'src/libraries', 'src/queries'];
/** Names that are not a business domain (rule 3). */
const NO_DOMAIN = new Set(['init', 'type', 'index', 'util', 'const', 'constant', 'status', 'swagger']);
/** Words that singularise() must leave alone. */
const INVARIANT = new Set(['status', 'sso', 'cimd', 'authn']);
/**
 * Synonyms (normalised name -> domain), each justified by the code's own naming:
 * - admin-user -> user: routes/admin-user/ is the Management API of /users (adminUserRoutes).
 * - personal-access-token -> user: served as /users/:userId/personal-access-tokens by
 *   routes/admin-user/personal-access-token.ts.
 * - passcode -> verification-code (then folds into verification): the passcodes table stores the
 *   verification codes that routes/verification-code.ts sends and verifies.
 * - phrase -> custom-phrase: libraries/phrase.ts merges the built-in phrases with the custom_phrases
 *   rows (queries/custom-phrase.ts).
 * - protected-app -> application: a protected app is an application type, configured through
 *   routes/applications/application-protected-app-metadata.ts.
 * - public-wellknown -> well-known: the same word spelled differently (routes/public-wellknown.ts
 *   beside routes/well-known/).
 * - saml-sso-connector-signing-key -> sso-connector: served by routes/sso-connector/signing-key.ts.
 * - scope -> resource: scopes are the permissions of an API resource, served as
 *   /resources/:id/scopes by routes/resource.scope.ts.
 * - jwt-customizer, action -> logto-config: both are logto_configs entries managed under
 *   /configs/jwt-customizer and /configs/actions by routes/logto-config/jwt-customizer.ts and
 *   routes/logto-config/action.ts.
 * - daily-active-user -> dashboard: the daily-active-users table is read only by routes/dashboard.ts
 *   (/dashboard/users/active).
 * - quota, daily-token-usage -> subscription: QuotaLibrary enforces the subscription plan's limits
 *   (it is built on SubscriptionLibrary), and token usage is counted by SubscriptionLibrary.
 * - callback -> connector: routes/callback.ts is the connectors' redirect endpoint
 *   (/callback/:connectorId).
 * - cimd -> oidc: the Client ID Metadata Document support is implemented in oidc/cimd/.
 */
const SYNONYMS = {
  'admin-user': 'user',
  'personal-access-token': 'user',
  passcode: 'verification-code',
  phrase: 'custom-phrase',
  'protected-app': 'application',
  'public-wellknown': 'well-known',
  'saml-sso-connector-signing-key': 'sso-connector',
  scope: 'resource',
  'jwt-customizer': 'logto-config',
  action: 'logto-config',
  'daily-active-user': 'dashboard',
  quota: 'subscription',
  'daily-token-usage': 'subscription',
  callback: 'connector',
  cimd: 'oidc',
};

const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node logto.mjs <checkout-dir>');
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
      !/\.(test|spec|e2e-spec|e2e|stories)\./.test(name) &&
      !looksGenerated(full)
    ) {
      out.push(id);
    }
  }
  return out;
}

/**
 * seams skips a file as minified/generated when it has a line over 2,000 characters and an average
 * line over 300 characters (here only sso/OktaSsoConnector/consts.ts, an inline logo); such files
 * are not analysed, so they are not labelled.
 */
function looksGenerated(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const total = lines.reduce((sum, line) => sum + line.length + 1, 0) - 1;
  return total / lines.length > 300 && Math.max(...lines.map((line) => line.length)) > 2000;
}

function singularise(word) {
  if (INVARIANT.has(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ss')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
/** Normalised name of a folder or file segment: part before the first dot, every word singular. */
const nameOf = (segment) => segment.split('.')[0].toLowerCase().split('-').map(singularise).join('-');

const files = listFiles(path.join(root, 'src'), 'src');

/** The raw (normalised, unfolded) name of a file, or null when rules 1-2 do not apply. */
function rawName(id) {
  const folder = Object.keys(DOMAIN_FOLDERS).find((f) => id.startsWith(`${f}/`));
  if (folder) return DOMAIN_FOLDERS[folder];
  const layer = LAYERS.find((l) => id.startsWith(`${l}/`));
  if (!layer) return null;
  const segment = id.slice(layer.length + 1).split('/')[0];
  return nameOf(segment);
}

const vocabulary = new Set();
for (const id of files) {
  const name = rawName(id);
  if (name && !NO_DOMAIN.has(name)) vocabulary.add(name).add(SYNONYMS[name] ?? name);
}
/** Synonym, then fold into the shortest vocabulary name that leads it, then synonym again. */
function canonical(name) {
  const synonym = SYNONYMS[name] ?? name;
  const words = synonym.split('-');
  for (let n = 1; n < words.length; n++) {
    const prefix = words.slice(0, n).join('-');
    if (vocabulary.has(prefix)) return SYNONYMS[prefix] ?? prefix;
  }
  return SYNONYMS[synonym] ?? synonym;
}

const labels = {};
for (const id of files) {
  const name = rawName(id);
  if (!name || NO_DOMAIN.has(name)) continue;
  labels[id] = canonical(name);
}

const sorted = Object.fromEntries(
  Object.keys(labels)
    .sort()
    .map((id) => [id, labels[id]]),
);
writeFileSync(path.join(here, 'logto.json'), `${JSON.stringify(sorted, null, 2)}\n`);
const counts = {};
for (const label of Object.values(sorted)) counts[label] = (counts[label] ?? 0) + 1;
console.log(
  `logto: ${Object.keys(sorted).length} labelled files of ${files.length}, ${Object.keys(counts).length} labels`,
);
console.log(
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([l, n]) => `${l}:${n}`)
    .join(' '),
);
