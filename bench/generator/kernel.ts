/**
 * The shared kernel (`src/shared/`): which modules it has, what they import from each other, and
 * the small snippets through which domain files use them. Nine modules are always there (config,
 * logger, errors, result, money, pagination, base-repository, base-service and the barrel
 * `index.ts`); larger monoliths add base-controller, validation, ids, dates and event-bus, then
 * utilities specialised per subsystem (`src/shared/retry/db-retry-policy.ts`). The barrel
 * re-exports the core modules only. Kernel modules import only kernel modules.
 */
import { KERNEL_AREAS, KERNEL_TARGETS } from '../vocabulary.js';
import { camelFromKebab, pascal } from './naming.js';
import type { Rng } from './rng.js';

/** Names one module imports from one kernel module. */
export interface KernelUse {
  names: string[];
  typeNames: string[];
}

/**
 * A generic use of a kernel module by a domain file: module-level declarations and one statement
 * placed where `id: string` is in scope. `$scope`, `$entity` and `$kebab` are filled in by the
 * renderer. Async snippets (await) only go into async methods.
 */
export interface Snippet {
  use: KernelUse;
  module: string[];
  line: string;
  async: boolean;
}

export interface KernelSpec {
  key: string;
  /** Folder under src/: `shared` or `shared/<area>`. */
  folder: string;
  base: string;
  /** Re-exported by the barrel (and so importable through it). */
  core: boolean;
  /** What it imports from other kernel modules, by key. */
  imports: Record<string, KernelUse>;
  snippet: Snippet | null;
  /** Subsystem utilities: the class they export. */
  className: string | null;
}

const REQUIRED = ['config', 'logger', 'errors', 'result', 'money', 'pagination', 'base-repository', 'base-service'];
const OPTIONAL = ['base-controller', 'validation', 'ids', 'dates', 'event-bus'];

/** Largest kernel the vocabulary allows. */
export const MAX_KERNEL = REQUIRED.length + OPTIONAL.length + 1 + KERNEL_AREAS.length * 3 * KERNEL_TARGETS.length;

const use = (names: string[], typeNames: string[] = []): KernelUse => ({ names: [...names, ...typeNames], typeNames });

const SNIPPETS: Readonly<Record<string, Snippet>> = {
  config: { use: use(['config']), module: [], line: "if (config.debug) console.debug('$scope', id);", async: false },
  logger: {
    use: use(['createLogger']),
    module: ["const logger = createLogger('$scope');"],
    line: "logger.debug('$entity handled', { id });",
    async: false,
  },
  errors: {
    use: use(['ValidationError']),
    module: [],
    line: "if (id.length === 0) throw new ValidationError('$entity id is required');",
    async: false,
  },
  result: {
    use: use(['ok'], ['Result']),
    module: ['const accept = (value: string): Result<string> => ok(value);'],
    line: 'accept(id);',
    async: false,
  },
  money: { use: use(['money'], ['Money']), module: [], line: "const zero: Money = money(0, 'EUR');", async: false },
  pagination: { use: use(['toPageRequest']), module: [], line: 'const firstPage = toPageRequest(1);', async: false },
  ids: { use: use(['newId']), module: [], line: "const traceId = newId('$kebab');", async: false },
  dates: { use: use(['now']), module: [], line: 'const startedAt = now();', async: false },
  validation: { use: use(['requireField']), module: [], line: "requireField({ id }, 'id');", async: false },
  'event-bus': {
    use: use(['eventBus']),
    module: [],
    line: "eventBus.publish({ name: '$scope.touched', payload: { id } });",
    async: false,
  },
};

/** Kernel modules for a kernel of `count` files (at least 9), barrel last. */
export function kernelSpecs(count: number, rng: Rng): KernelSpec[] {
  const keys = [...REQUIRED, ...OPTIONAL.slice(0, Math.max(0, count - REQUIRED.length - 1))];
  const present = new Set(keys);
  const specs = keys.map((key) => coreSpec(key, present));
  const extras = rng.shuffle(extraCandidates()).slice(0, Math.max(0, count - keys.length - 1));
  const sorted = extras.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [
    ...specs,
    ...sorted,
    { key: 'index', folder: 'shared', base: 'index', core: false, imports: {}, snippet: null, className: null },
  ];
}

function coreSpec(key: string, present: ReadonlySet<string>): KernelSpec {
  return {
    key,
    folder: 'shared',
    base: key,
    core: true,
    imports: coreImports(key, present),
    snippet: SNIPPETS[key] ?? null,
    className: null,
  };
}

/** What each core module imports from the rest of the kernel. */
function coreImports(key: string, present: ReadonlySet<string>): Record<string, KernelUse> {
  switch (key) {
    case 'logger':
    case 'pagination':
      return { config: use(['config']) };
    case 'result':
      return { errors: use([], ['AppError']) };
    case 'money':
    case 'validation':
      return { errors: use(['ValidationError']) };
    case 'base-repository':
      return {
        errors: use(['NotFoundError']),
        pagination: use(['paginate'], ['Page', 'PageRequest']),
        ...(present.has('ids') ? { ids: use(['newId']) } : {}),
      };
    case 'base-service':
      return { logger: use(['createLogger'], ['Logger']), errors: use(['AppError']) };
    case 'base-controller':
      return { errors: use(['AppError', 'NotFoundError']) };
    case 'event-bus':
      return { logger: use(['createLogger']) };
    default:
      return {};
  }
}

/** Every subsystem utility the vocabulary can name: `retry/db-retry-policy` exporting `DbRetryPolicy`. */
function extraCandidates(): KernelSpec[] {
  const specs: KernelSpec[] = [];
  for (const area of KERNEL_AREAS) {
    for (const noun of area.nouns) {
      for (const target of KERNEL_TARGETS) {
        const base = `${target}-${noun}`;
        const className = pascal(camelFromKebab(base));
        const instance = camelFromKebab(base);
        specs.push({
          key: `${area.folder}/${base}`,
          folder: `shared/${area.folder}`,
          base,
          core: false,
          imports: { logger: use(['createLogger']), config: use(['config']) },
          snippet: {
            use: use([`create${className}`]),
            module: [`const ${instance} = create${className}('$scope');`],
            line: `await ${instance}.run(async () => id);`,
            async: true,
          },
          className,
        });
      }
    }
  }
  return specs;
}
