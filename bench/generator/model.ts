/**
 * In-memory model of a synthetic TypeScript monolith, before any text is written.
 *
 * A monolith is a set of business domains plus a shared kernel and a composition root. Each
 * domain owns entities; each entity has layers (model, repository, service, and usually
 * controller, dto, validator) and maybe extras (feature services, scheduled jobs, an events
 * module). Every module lists its dependencies (`Dep`): the module it imports, the names, the
 * import form, and why the import exists (`role`: structural wiring inside the domain, a kernel
 * import, or a generic use of a collaborator: a sibling service, another domain's service, or a
 * random noise import). Renderers turn this model into file contents; the layout turns logical
 * locations into paths, so the same model can be laid out layer-first or domain-first.
 */

export type Layout = 'layer-first' | 'domain-first';

/** What a module is. `kernel` is the shared kernel, `root` the composition root, `barrel` a domain's public API. */
export type Kind =
  | 'model'
  | 'repository'
  | 'service'
  | 'feature'
  | 'controller'
  | 'dto'
  | 'validator'
  | 'job'
  | 'events'
  | 'barrel'
  | 'kernel'
  | 'root';

export type FieldType = 'string' | 'number' | 'boolean' | 'Date';

export interface Field {
  name: string;
  type: FieldType;
}

/** A business entity of one domain, with every spelling of its name. */
export interface Entity {
  domain: string;
  /** Position in its domain; 0 is the most central entity. */
  index: number;
  camel: string;
  pascal: string;
  kebab: string;
  /** SCREAMING_SNAKE, for event constants. */
  constant: string;
  /** snake_case, for table names. */
  snake: string;
  fields: Field[];
  statuses: string[];
  /** Name of a Money-typed column, if it has one. */
  moneyField: string | null;
  /** Event verbs besides created/updated. */
  eventVerbs: string[];
}

export interface FeatureVerb {
  stem: string;
  noun: string;
  method: string;
  gerund: string;
}

export interface JobVerb {
  stem: string;
  noun: string;
  schedule: string;
  summary: string;
}

/**
 * How other modules use a module generically, with `id: string` in scope: the names to import
 * (`typeNames` is the type-only subset), the class to inject (class items), the expression that
 * uses it (`get(id)` after the receiver for classes), and the member generated around the use.
 */
export interface ApiItem {
  shape: 'class' | 'type' | 'function';
  names: string[];
  typeNames: string[];
  use: string;
  member: string;
}

/** `inline` is `import { type A, b }`; `dynamic` is `await import()` inside a method. */
export type Form = 'static' | 'type' | 'inline' | 'dynamic';

/** Why an import exists; renderers wire `structural` and `kernel` deps by hand and `generic` ones uniformly. */
export type Role = 'structural' | 'kernel' | 'generic';

/** What kind of coupling an import is, for statistics: inside a domain, real cross-domain coupling, or noise. */
export type Coupling = 'intra' | 'coupling' | 'noise' | 'kernel' | 'root';

export interface Dep {
  /** The module the specifier names (a barrel when the import goes through one). */
  target: Module;
  names: string[];
  typeNames: string[];
  form: Form;
  role: Role;
  coupling: Coupling;
  /** Generic deps: how the imported item is used. */
  item: ApiItem | null;
  /** Kernel deps: the kernel modules whose names this import carries (several through the barrel). */
  kernelKeys: string[];
  /** Kernel deps: written with the `@shared/*` alias instead of a relative path. */
  alias: boolean;
}

export interface Module {
  /** Creation order; stable for a seed. */
  index: number;
  kind: Kind;
  /** Owning domain; null for the kernel and the composition root. */
  domain: string | null;
  entity: Entity | null;
  /** Logical folder: a layer (`services`) for domain modules, `shared/...` for the kernel, `` for the root. */
  folder: string;
  /** File name without `.ts`, e.g. `invoice-line.service`. */
  base: string;
  /** POSIX path relative to the project root; assigned by the layout. */
  id: string;
  /** How other modules use this one generically; null when nothing may import it that way. */
  item: ApiItem | null;
  deps: Dep[];
  feature: FeatureVerb | null;
  job: JobVerb | null;
  /** Kernel modules: key such as `logger` or `retry/db-retry-policy`. */
  kernelKey: string | null;
  /** Kernel keys this module uses through generic snippets (kernel.ts), in import order. */
  snippets: string[];
}

export interface Domain {
  name: string;
  entities: Entity[];
  /** Every module of the domain except the barrel. */
  modules: Module[];
  barrel: Module;
  /** Main services other domains may use; the barrel re-exports them. */
  publicServices: Module[];
  /** Domains whose services this domain's services use. */
  uses: string[];
}

export interface MonolithModel {
  layout: Layout;
  domains: Domain[];
  kernel: Module[];
  roots: Module[];
  /** Every source module, in creation order. */
  modules: Module[];
}

/** Folder of each layer of a domain. */
export const LAYER_FOLDERS: Readonly<
  Record<'model' | 'repository' | 'service' | 'feature' | 'controller' | 'dto' | 'validator' | 'job' | 'events', string>
> = {
  model: 'models',
  repository: 'repositories',
  service: 'services',
  feature: 'services',
  controller: 'controllers',
  dto: 'dto',
  validator: 'validators',
  job: 'jobs',
  events: 'events',
};

/** Kinds whose module is a class with a constructor, so collaborators are injected. */
export const CLASS_KINDS: ReadonlySet<Kind> = new Set<Kind>(['repository', 'service', 'feature', 'controller', 'job']);
