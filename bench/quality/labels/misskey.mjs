#!/usr/bin/env node
/**
 * Ground truth for misskey-dev/misskey at 363bdac39bb450f128a074d513f641abdb44d029 (develop,
 * 2025-01-16, version 2025.1.0-beta.1), root `packages/backend` (its tsconfig.json includes
 * ./src/**\/*.ts minus *.test.ts and maps `@/*` to ./src/*, through which most internal imports go).
 * The NestJS backend is layer-first: core/<Domain>Service.ts (about 80 services side by side),
 * core/entities/<Domain>EntityService.ts, models/<Domain>.ts and models/json-schema/<domain>.ts,
 * queue/processors/<Domain>ProcessorService.ts, server/api/stream/channels/<domain>.ts, and the
 * API endpoints grouped in a folder per domain, server/api/endpoints/<domain>/<action>.ts.
 *
 * Rule (business domain; rules 1-3 go by folder, rule 4 DEPENDS ON FILE NAMES):
 *   Names are split into lower-case words (camelCase/PascalCase and kebab-case), each word
 *   singularised (notes -> note, flashs -> flash), then the word synonyms muting -> mute and
 *   follow -> following apply. A key is a run of words joined by `-`.
 *   Vocabulary (keys): the top-level folders of server/api/endpoints/ except the three audience
 *   folders admin/ (moderators), i/ (the signed-in user) and my/; the sub-folders of those three
 *   except admin/queue/ (job-queue infrastructure); the model names of models/*.ts; the domain
 *   folders chart (core/chart/) and activitypub (core/activitypub/); the SYNONYMS below and their
 *   targets. A key's domain: its synonym target, else the shortest key that leads it (UserProfile,
 *   UserList -> user; NoteReaction -> note; DriveFile -> drive; ChannelFollowing -> channel;
 *   FollowRequest -> following-request -> following), else the key itself.
 *   1. server/api/endpoints/<folder>/** (folder not admin/i/my) -> the folder's domain
 *      (notes/reactions/create.ts -> note, users/lists/push.ts -> user, charts/user/notes.ts -> chart).
 *   2. server/api/endpoints/{admin,i,my}/<sub>/** -> the sub-folder's domain (admin/emoji -> emoji,
 *      admin/roles -> role, i/registry -> registry, i/2fa -> auth); admin/queue/ has none.
 *   3. core/chart/** -> chart, core/activitypub/** -> activitypub, server/oauth/** -> auth.
 *   4. By file name: the files directly in server/api/endpoints/ and in its admin/, i/, my/ folders,
 *      and in core/, core/entities/, models/, models/json-schema/, queue/processors/,
 *      server/api/stream/channels/, server/ and server/api/ get the domain of the longest key among
 *      the runs of words of their file name, the rightmost of equally long ones (the head noun of
 *      Misskey's names comes last: UserFollowingService -> following, UserMutingService -> mute,
 *      ExportNotesProcessorService -> note, admin/suspend-user -> user); role words (Service,
 *      EntityService, ProcessorService, Api, Server, ...) are never keys, so they are skipped.
 *      When no key is found, endpoints i.ts and i/*.ts, my/*.ts fall back to user (the `i`
 *      endpoints act on the requesting MiUser: i.ts packs it, i/update.ts updates it); others
 *      get no label (admin/get-index-stats, endpoints/ping, AchievementService, SignupService).
 *   No label: misc/ (helpers), boot/, daemons/, queue/ root (job-queue infrastructure),
 *   server/web/, server/api/openapi/, server/api/stream/ root (the streaming transport), the root
 *   files (config, env, logger, DI symbols, GlobalModule, MainModule), the composition roots
 *   (CoreModule, QueueModule, RepositoryModule, EndpointsModule, ServerModule, ...), generic core
 *   services whose name holds no key (CacheService, IdService, HttpRequestService, QueueService,
 *   ...) and the two in NOT_DOMAIN.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = 'packages/backend';
const ENDPOINTS = 'src/server/api/endpoints';
/** Endpoint folders named for who calls them, not for a domain: their sub-folders and file names name the domain. */
const AUDIENCE = new Set(['admin', 'i', 'my']);
/** Audience sub-folders that are infrastructure, not a domain. */
const NO_DOMAIN_SUB = new Set(['queue']);
/** Folders outside the endpoints that are one domain each. */
const DOMAIN_FOLDERS = {
  'src/core/chart': 'chart',
  'src/core/activitypub': 'activitypub',
  'src/server/oauth': 'oauth',
};
/** Layer folders whose files are labelled by the domain their file name names (rule 4). */
const NAMED_LAYERS = new Set([
  ENDPOINTS,
  `${ENDPOINTS}/admin`,
  `${ENDPOINTS}/i`,
  `${ENDPOINTS}/my`,
  'src/core',
  'src/core/entities',
  'src/models',
  'src/models/json-schema',
  'src/queue/processors',
  'src/server/api/stream/channels',
  'src/server',
  'src/server/api',
]);
/**
 * File names holding a key that do not name that domain:
 * - AppLockService: a Redis lock for the application ("app" is not a MiApp).
 * - InstanceActorService: this server's own ActivityPub actor user, not a federated MiInstance.
 */
const NOT_DOMAIN = new Set(['src/core/AppLockService.ts', 'src/core/InstanceActorService.ts']);
/**
 * Word synonyms (applied to every singularised word):
 * - muting -> mute: endpoints/mute/ and endpoints/renote-mute/ manage MiMuting and MiRenoteMuting.
 * - follow -> following: endpoints/following/requests/ manage MiFollowRequest.
 */
const WORD_SYNONYMS = { muting: 'mute', follow: 'following' };
/**
 * Key synonyms (key -> domain). Each entry:
 * - account -> user: "account" is a MiUser (DeleteAccountService, AccountUpdateService,
 *   AccountMoveService, ProxyAccountService, admin/accounts/ create and delete MiUsers).
 * - username -> user: endpoints/username/available checks MiUser and MiUsedUsername.
 * - email-address -> email: endpoints/email-address/available calls EmailService.
 * - file -> drive: the only file entity is MiDriveFile (FileServerService, FileInfoService,
 *   DeleteFileProcessorService, CleanRemoteFilesProcessorService).
 * - timeline, poll, reaction -> note: the timeline endpoints (notes/*-timeline.ts), endpoints/notes/polls/
 *   and endpoints/notes/reactions/ live in the notes folder (MiPoll is keyed by noteId, MiNoteReaction).
 * - push-notification -> sw: endpoints/sw/ register the MiSwSubscriptions PushNotificationService pushes to.
 * - abuse-user-report -> abuse-report: admin/abuse-report/, AbuseReportService manage MiAbuseUserReport.
 * - instance -> federation: endpoints/federation/ and admin/federation/ serve MiInstance
 *   (FederatedInstanceService, FetchInstanceMetadataService, json-schema federation-instance).
 * - ap, activity-pub -> activitypub: "Ap" is the code's prefix for ActivityPub (core/activitypub/Ap*Service, endpoints/ap/).
 * - miauth, oauth, 2fa, web-authn, access-token -> auth: endpoints/auth/, miauth/gen-token and
 *   OAuth2ProviderService all issue MiAccessTokens; i/2fa/ uses UserAuthService and WebAuthnService.
 * - registration-ticket -> invite: endpoints/invite/ manage MiRegistrationTicket (InviteCodeEntityService packs it).
 */
const SYNONYMS = {
  account: 'user',
  username: 'user',
  'email-address': 'email',
  file: 'drive',
  timeline: 'note',
  poll: 'note',
  reaction: 'note',
  'push-notification': 'sw',
  'abuse-user-report': 'abuse-report',
  instance: 'federation',
  ap: 'activitypub',
  'activity-pub': 'activitypub',
  miauth: 'auth',
  oauth: 'auth',
  '2fa': 'auth',
  'web-authn': 'auth',
  'access-token': 'auth',
  'registration-ticket': 'invite',
};

const checkout = process.argv[2];
if (!checkout) {
  console.error('usage: node misskey.mjs <checkout-dir>');
  process.exit(2);
}
const root = path.resolve(checkout, ROOT);

/** Files seams analyses under the tsconfig (include ./src/**\/*.ts, exclude *.test.ts), relative to root. */
function listFiles(dir, rel) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (['node_modules', 'built', 'dist', 'coverage'].includes(name) || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const id = `${rel}/${name}`;
    if (statSync(full).isDirectory()) {
      if (['__tests__', '__mocks__', '__fixtures__', 'test', 'tests', 'e2e', 'integration-tests'].includes(name))
        continue;
      out.push(...listFiles(full, id));
    } else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name) && !/\.(test|spec)\./.test(name)) {
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
/** Lower-case, singular words of a camelCase / PascalCase / kebab name (`OAuth` is one word, digits stay with their letters). */
const wordsOf = (name) =>
  name
    .replace(/OAuth/g, 'Oauth')
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z0-9]+/g) ?? [])
    .map((word) => singularise(word.toLowerCase()))
    .map((word) => WORD_SYNONYMS[word] ?? word);
const keyOf = (name) => wordsOf(name).join('-');
const stemOf = (id) => path.posix.basename(id).replace(/\.ts$/, '');

const files = listFiles(path.join(root, 'src'), 'src');

// Vocabulary.
const vocabulary = new Set(['chart', 'activitypub', ...Object.keys(SYNONYMS), ...Object.values(SYNONYMS)]);
for (const id of files) {
  const rest = id.startsWith(`${ENDPOINTS}/`) ? id.slice(ENDPOINTS.length + 1).split('/') : null;
  if (rest && rest.length > 1 && !AUDIENCE.has(rest[0])) vocabulary.add(keyOf(rest[0]));
  if (rest && rest.length > 2 && AUDIENCE.has(rest[0]) && !NO_DOMAIN_SUB.has(rest[1])) vocabulary.add(keyOf(rest[1]));
  if (path.posix.dirname(id) === 'src/models' && /^[A-Z]/.test(stemOf(id)) && !stemOf(id).endsWith('Module'))
    vocabulary.add(keyOf(stemOf(id)));
}
/** Domain of a vocabulary key: its synonym, else the domain of the shortest key leading it, else itself. */
function domainOf(key) {
  if (SYNONYMS[key]) return SYNONYMS[key];
  const words = key.split('-');
  for (let n = 1; n < words.length; n++) {
    const prefix = words.slice(0, n).join('-');
    if (vocabulary.has(prefix)) return domainOf(prefix);
  }
  return key;
}
/** The domain of the longest key among the runs of words of a name, the rightmost of equally long ones; null when none. */
function domainInName(name) {
  const words = wordsOf(name);
  for (let length = words.length; length > 0; length--) {
    for (let start = words.length - length; start >= 0; start--) {
      const key = words.slice(start, start + length).join('-');
      if (vocabulary.has(key)) return domainOf(key);
    }
  }
  return null;
}

const labels = {};
for (const id of files) {
  const dir = path.posix.dirname(id);
  const rest = id.startsWith(`${ENDPOINTS}/`) ? id.slice(ENDPOINTS.length + 1).split('/') : null;
  const folder = Object.keys(DOMAIN_FOLDERS).find((f) => id.startsWith(`${f}/`));
  let label = null;
  if (NOT_DOMAIN.has(id)) label = null;
  else if (folder) label = domainOf(DOMAIN_FOLDERS[folder]);
  else if (rest && rest.length > 1 && !AUDIENCE.has(rest[0])) label = domainOf(keyOf(rest[0]));
  else if (rest && rest.length > 2) label = NO_DOMAIN_SUB.has(rest[1]) ? null : domainOf(keyOf(rest[1]));
  else if (NAMED_LAYERS.has(dir)) {
    label = domainInName(stemOf(id));
    if (!label && (id === `${ENDPOINTS}/i.ts` || dir === `${ENDPOINTS}/i` || dir === `${ENDPOINTS}/my`)) label = 'user';
  }
  if (label) labels[id] = label;
}

const sorted = Object.fromEntries(
  Object.keys(labels)
    .sort()
    .map((id) => [id, labels[id]]),
);
writeFileSync(path.join(here, 'misskey.json'), `${JSON.stringify(sorted, null, 2)}\n`);
const counts = {};
for (const label of Object.values(sorted)) counts[label] = (counts[label] ?? 0) + 1;
console.log(
  `misskey: ${Object.keys(sorted).length} labelled files of ${files.length}, ${Object.keys(counts).length} labels`,
);
console.log(
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l}:${n}`)
    .join(' '),
);
