import { compareStrings } from '../base/compare.js';
import { compareDiagnostics, type Diagnostic } from '../base/diagnostics.js';
import type { MountFact, NestSetupFact, RouteFact, RouteFramework } from '../extract/collect-routes.js';
import { joinPaths } from '../extract/route-path.js';
import type { ModuleFacts, ModuleId } from '../extract/types.js';

/** One HTTP endpoint or API operation with its full path, as far as the code says it statically. */
export interface Endpoint {
  /** The module that declares it. */
  module: ModuleId;
  /** 1-based line of its declaration there. */
  line: number;
  /** The framework it is declared for. */
  framework: RouteFramework;
  /** HTTP method (GET … ALL); QUERY, MUTATION or SUBSCRIPTION for GraphQL and tRPC. */
  method: string;
  /** Full path: global prefix, version and mounts joined (`/api/v1/orders/:id`); the dotted operation name for tRPC, the operation name for GraphQL. */
  path: string;
  /** `Class.method`, the handler's name as written, or `<anonymous>`. */
  handler: string;
  /** Some part of the path is computed: written `{dynamic}`. */
  dynamic?: true;
  /** NestJS version it is served at; `neutral` for VERSION_NEUTRAL. */
  version?: string;
  /** Its router is mounted nowhere that the code shows (Express, Koa, Fastify): the path is the router's own. */
  mounted?: false;
}

/** A router in a module: `module\0name`. */
type RouterKey = string;

interface Edge {
  child: RouterKey;
  prefix: string;
  dynamic: boolean;
}

const SERVER = new Set<RouteFramework>(['express', 'koa', 'fastify', 'trpc']);

/**
 * Every endpoint with its full path. NestJS routes get the application's global prefix and URI
 * version (`/api/v1/orders/:id`) when the NestJS bootstraps agree on them (else a diagnostic and
 * no prefix: never a guess). Express, Koa, Fastify and tRPC routers are followed from the
 * applications and routers that nothing mounts, down through their mounts (`app.use('/users',
 * usersRouter)`, `fastify.register(plugin, { prefix })`, a tRPC key), across files through the
 * resolved imports and re-exports; a router mounted at two prefixes gives two endpoints; a cycle
 * of mounts is cut with a diagnostic. Sorted by module, line, method, path.
 */
export function assembleEndpoints(modules: readonly ModuleFacts[]): {
  endpoints: Endpoint[];
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const endpoints: Endpoint[] = [];
  const nest = nestSetup(modules, diagnostics);
  const byId = new Map(modules.map((module) => [module.id, module]));
  const routesOf = new Map<RouterKey, { module: ModuleId; route: RouteFact }[]>();
  const edges = new Map<RouterKey, Edge[]>();
  const children = new Set<RouterKey>();
  for (const module of modules) {
    const api = module.api;
    if (api === undefined) continue;
    for (const route of api.routes) {
      if (route.framework === 'nestjs') endpoints.push(...nestEndpoints(module.id, route, nest));
      else if (route.framework === 'graphql' || route.router === undefined)
        endpoints.push(endpointOf(module.id, route));
      else push(routesOf, keyOf(module.id, route.router), { module: module.id, route });
    }
    for (const mount of api.mounts) {
      const child = mountedRouter(module, mount, byId, diagnostics);
      if (child === null) continue;
      push(edges, keyOf(module.id, mount.receiver), { child, prefix: mount.prefix, dynamic: mount.dynamic === true });
      children.add(child);
    }
  }
  const routers = new Set<RouterKey>([...routesOf.keys(), ...edges.keys()]);
  const reached = new Set<RouterKey>();
  const walk = (key: RouterKey, prefixes: Edge[], path: RouterKey[], root: boolean) => {
    reached.add(key);
    for (const { module, route } of routesOf.get(key) ?? []) {
      const dynamic = route.dynamic === true || prefixes.some((edge) => edge.dynamic);
      const parts = prefixes.map((edge) => edge.prefix);
      endpoints.push({
        ...endpointOf(module, route),
        path:
          route.framework === 'trpc'
            ? [...parts, route.path].filter((part) => part !== '').join('.')
            : joinPaths(...parts, route.path),
        ...(dynamic ? { dynamic: true as const } : {}),
        ...(root && route.framework !== 'trpc' && !isApp(key, byId) ? { mounted: false as const } : {}),
      });
    }
    for (const edge of edges.get(key) ?? []) {
      if (path.includes(edge.child)) {
        const [module, name] = splitKey(key);
        diagnostics.push({
          code: 'ROUTER_MOUNT_CYCLE',
          message: `mounting ${splitKey(edge.child)[1]} in ${name} closes a cycle of router mounts; not followed again`,
          file: module,
        });
        continue;
      }
      walk(edge.child, [...prefixes, edge], [...path, edge.child], false);
    }
  };
  const sorted = [...routers].sort(compareStrings);
  for (const key of sorted) if (!children.has(key)) walk(key, [], [key], true);
  // Routers mounted only inside a cycle of mounts: from each, as if nothing mounted it.
  for (const key of sorted) if (!reached.has(key)) walk(key, [], [key], true);
  return { endpoints: dedupe(endpoints.sort(compareEndpoints)), diagnostics: diagnostics.sort(compareDiagnostics) };
}

function endpointOf(module: ModuleId, route: RouteFact): Endpoint {
  return {
    module,
    line: route.line,
    framework: route.framework,
    method: route.method,
    path: route.path,
    handler: route.handler,
    ...(route.dynamic ? { dynamic: true as const } : {}),
    ...(route.version === undefined ? {} : { version: route.version }),
  };
}

/** The NestJS application's global prefix and versioning, when every bootstrap agrees on them. */
interface NestApplication {
  prefix: { path: string; exclude: { path: string; method?: string }[] } | null;
  versioning: NonNullable<NestSetupFact['versioning']> | null;
}

/**
 * The global prefix (and versioning) applied to NestJS routes: the one every NestJS bootstrap
 * sets. Several bootstraps that set different ones (or some set one and others none), or a
 * computed one, leave the paths without it, with a diagnostic.
 */
function nestSetup(modules: readonly ModuleFacts[], diagnostics: Diagnostic[]): NestApplication {
  const bootstraps = modules.filter((module) => module.bootstrap?.call === 'NestFactory.create').length;
  const agreed = <T extends { line: number }>(
    name: string,
    code: string,
    read: (setup: NestSetupFact) => T | undefined,
    isDynamic: (value: T) => boolean,
  ): T | null => {
    const found = modules.flatMap((module) => {
      const value = module.api?.nest === undefined ? undefined : read(module.api.nest);
      return value === undefined ? [] : [{ module: module.id, value }];
    });
    if (found.length === 0) return null;
    const first = found[0] as (typeof found)[number];
    const key = (value: T) => JSON.stringify({ ...value, line: 0 });
    let problem: string | null = null;
    if (found.some((item) => isDynamic(item.value))) problem = `the ${name} is computed`;
    else if (found.some((item) => key(item.value) !== key(first.value)))
      problem = `${found.length} NestJS setups set different ${name}s (${found.map((item) => item.module).join(', ')})`;
    else if (bootstraps > found.length)
      problem = `${bootstraps} NestJS applications are created and only ${found.length} sets the ${name}`;
    if (problem === null) return first.value;
    diagnostics.push({
      code,
      message: `${problem}: NestJS endpoint paths are shown without it`,
      file: first.module,
      line: first.value.line,
    });
    return null;
  };
  const prefix = agreed(
    'global prefix',
    'NEST_PREFIX_UNCERTAIN',
    (setup) => setup.globalPrefix,
    (value) => value.dynamic === true,
  );
  // Computed exclusions (`exclude: [...LANGUAGES.map(…)]`) cannot be matched: the prefix is still applied, and said.
  const computed = prefix?.exclude?.filter((item) => item.path.includes('{dynamic}')).length ?? 0;
  if (prefix !== null && computed > 0) {
    const setter = modules.find((module) => module.api?.nest?.globalPrefix === prefix);
    diagnostics.push({
      code: 'NEST_PREFIX_EXCLUSIONS_COMPUTED',
      message: `${computed} of the global prefix's exclusions ${computed === 1 ? 'is' : 'are'} computed: the endpoints ${computed === 1 ? 'it excludes' : 'they exclude'} are shown with the prefix '${prefix.path}'`,
      ...(setter === undefined ? {} : { file: setter.id }),
      line: prefix.line,
    });
  }
  const versioning = agreed(
    'versioning',
    'NEST_VERSIONING_UNCERTAIN',
    (setup) => setup.versioning,
    (value) =>
      value.type === '{dynamic}' ||
      (typeof value.prefix === 'string' && value.prefix.includes('{dynamic}')) ||
      (value.defaultVersion ?? []).some((version) => version.includes('{dynamic}')),
  );
  return {
    prefix: prefix === null ? null : { path: prefix.path, exclude: prefix.exclude ?? [] },
    versioning,
  };
}

/** A NestJS route under the application's global prefix and URI version (one endpoint per default version). */
function nestEndpoints(module: ModuleId, route: RouteFact, nest: NestApplication): Endpoint[] {
  const base = endpointOf(module, route);
  const prefix = nest.prefix !== null && !isExcluded(route, nest.prefix.exclude) ? nest.prefix.path : '';
  const versioning = nest.versioning;
  const versions: (string | undefined)[] =
    route.version !== undefined ? [route.version] : (versioning?.defaultVersion ?? [undefined]);
  return versions.map((version) => {
    const segment =
      versioning?.type === 'URI' && version !== undefined && version !== 'neutral'
        ? `${versioning.prefix === false ? '' : (versioning.prefix ?? 'v')}${version}`
        : '';
    return {
      ...base,
      path: joinPaths(prefix, segment, route.path),
      ...(version === undefined ? {} : { version }),
    };
  });
}

/** `exclude: ['health', { path: 'docs/(.*)', method: RequestMethod.GET }]`: a path, or a path ending in a wildcard. */
function isExcluded(route: RouteFact, exclude: readonly { path: string; method?: string }[]): boolean {
  return exclude.some((item) => {
    if (item.method !== undefined && item.method !== 'ALL' && item.method !== route.method) return false;
    const wildcard = /(\(\.\*\)|\*)$/.exec(item.path);
    if (wildcard === null) return joinPaths(item.path) === route.path;
    const stem = joinPaths(item.path.slice(0, wildcard.index));
    return route.path === stem || route.path.startsWith(stem === '/' ? '/' : `${stem}/`);
  });
}

/** The router a mount mounts: a router of the same module, or one an import names, through re-exports. */
function mountedRouter(
  module: ModuleFacts,
  mount: MountFact,
  byId: ReadonlyMap<ModuleId, ModuleFacts>,
  diagnostics: Diagnostic[],
): RouterKey | null {
  if (mount.import === undefined) return hasRouter(module, mount.mounted) ? keyOf(module.id, mount.mounted) : null;
  const { specifier, name } = mount.import;
  const item = module.imports.find((each) => each.specifier === specifier && each.target.type === 'internal');
  if (item === undefined || item.target.type !== 'internal') return null;
  const found = exportedRouter(item.target.module, name, byId, new Set());
  if (found === null && byId.get(item.target.module)?.api !== undefined)
    diagnostics.push({
      code: 'ROUTER_MOUNT_UNRESOLVED',
      message: `${mount.mounted} ('${name}' of '${specifier}') is mounted here, but ${item.target.module} exports no router by that name; its routes are shown unmounted`,
      file: module.id,
      line: mount.line,
    });
  return found;
}

/** The router `name` of module `id` exports, following re-exports and `export *`. */
function exportedRouter(
  id: ModuleId,
  name: string,
  byId: ReadonlyMap<ModuleId, ModuleFacts>,
  seen: Set<string>,
): RouterKey | null {
  const visit = `${id}\0${name}`;
  const module = byId.get(id);
  if (module === undefined || seen.has(visit)) return null;
  seen.add(visit);
  const own = module.api?.exports.find((item) => item.name === name);
  if (own !== undefined) return keyOf(id, own.local);
  const reexport = module.exports.reexports.find((item) => item.name === name);
  if (reexport !== undefined) return exportedRouter(reexport.module, reexport.imported, byId, seen);
  if (name === 'default') return null;
  for (const star of module.exports.stars) {
    const found = exportedRouter(star, name, byId, seen);
    if (found !== null) return found;
  }
  return null;
}

function hasRouter(module: ModuleFacts, name: string): boolean {
  const api = module.api;
  if (api === undefined) return false;
  return (
    api.routers.some((router) => router.name === name) ||
    api.routes.some((route) => route.router === name && SERVER.has(route.framework)) ||
    api.mounts.some((mount) => mount.receiver === name)
  );
}

function isApp(key: RouterKey, byId: ReadonlyMap<ModuleId, ModuleFacts>): boolean {
  const [module, name] = splitKey(key);
  return byId.get(module)?.api?.routers.some((router) => router.name === name && router.kind === 'app') === true;
}

function keyOf(module: ModuleId, name: string): RouterKey {
  return `${module}\0${name}`;
}

function splitKey(key: RouterKey): [ModuleId, string] {
  const at = key.indexOf('\0');
  return [key.slice(0, at), key.slice(at + 1)];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function compareEndpoints(a: Endpoint, b: Endpoint): number {
  return (
    compareStrings(a.module, b.module) ||
    a.line - b.line ||
    compareStrings(a.method, b.method) ||
    compareStrings(a.path, b.path) ||
    compareStrings(a.version ?? '', b.version ?? '') ||
    compareStrings(a.handler, b.handler) ||
    Number(a.mounted === false) - Number(b.mounted === false)
  );
}

function dedupe(endpoints: Endpoint[]): Endpoint[] {
  return endpoints.filter(
    (item, index) => index === 0 || JSON.stringify(item) !== JSON.stringify(endpoints[index - 1]),
  );
}
