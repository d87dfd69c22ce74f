/**
 * Seeded generator of realistic TypeScript monoliths, for clustering-quality tests and benchmarks.
 *
 * The generated project is a layered NestJS/TypeORM-style backend: business domains (billing,
 * catalog, shipping, ..., qualified "b2b-billing" when many are needed), each owning 3–8 entities
 * with models, repositories, services, controllers, dtos, validators, feature services, jobs and
 * events; a shared kernel in `src/shared/` imported from most files (mostly through the
 * `@shared/*` alias); per-domain public barrels; real cross-domain service coupling; a share of
 * random cross-domain "noise" imports; and a composition root. `expected` is the ground truth:
 * each source module's domain, or "shared" for the kernel and the root. See generator/*.ts for
 * the model, the wiring and the file templates. Same seed and options => byte-identical output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel } from './generator/build.js';
import { MAX_DOMAINS } from './generator/naming.js';
import { renderFiles } from './generator/render.js';

export interface GeneratorOptions {
  /** Same seed + options => byte-identical output. */
  seed: number;
  /** Approximate total number of source files (±5% while domains have at least ~15 files each). */
  files: number;
  /** Number of domains; default clamp(round(files / 60), 4, 120). */
  domains?: number;
  /** Share of cross-domain noise imports among all internal imports; default 0.1. */
  noise?: number;
  /** Default 'layer-first'. */
  layout?: 'layer-first' | 'domain-first';
}

export interface GeneratedMonolith {
  /** POSIX relative path -> file content (includes tsconfig.json and package.json). */
  files: Record<string, string>;
  /** Every generated source module id -> its domain name, or "shared". */
  expected: Record<string, string>;
}

export function generateMonolith(options: GeneratorOptions): GeneratedMonolith {
  const settings = normalise(options);
  const { model, kernel } = buildModel(settings);
  const rendered = renderFiles(model, kernel, `synthetic-monolith-${settings.seed}`);
  const files: Record<string, string> = {};
  for (const file of [...rendered.keys()].sort(compare)) files[file] = rendered.get(file) as string;
  const expected: Record<string, string> = {};
  for (const module of [...model.modules].sort((a, b) => compare(a.id, b.id)))
    expected[module.id] = module.domain ?? 'shared';
  return { files, expected };
}

/** mkdir -p and writes every file, plus `expected.json` (the ground truth) at the root. */
export function writeMonolith(dir: string, monolith: GeneratedMonolith): void {
  const folders = new Set<string>();
  const entries: [string, string][] = [
    ...Object.entries(monolith.files),
    ['expected.json', `${JSON.stringify(monolith.expected, null, 2)}\n`],
  ];
  for (const [file] of entries) folders.add(path.dirname(path.join(dir, file)));
  for (const folder of [...folders].sort(compare)) mkdirSync(folder, { recursive: true });
  for (const [file, content] of entries) writeFileSync(path.join(dir, file), content);
}

function normalise(options: GeneratorOptions): {
  seed: number;
  files: number;
  domains: number;
  noise: number;
  layout: 'layer-first' | 'domain-first';
} {
  const { seed, files } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`generateMonolith: seed must be an integer, got ${seed}`);
  if (!Number.isInteger(files) || files < 20)
    throw new RangeError(`generateMonolith: files must be an integer >= 20, got ${files}`);
  const domains = options.domains ?? Math.min(120, Math.max(4, Math.round(files / 60)));
  if (!Number.isInteger(domains) || domains < 1 || domains > MAX_DOMAINS)
    throw new RangeError(`generateMonolith: domains must be an integer in 1..${MAX_DOMAINS}, got ${domains}`);
  const noise = options.noise ?? 0.1;
  if (!(noise >= 0 && noise < 1)) throw new RangeError(`generateMonolith: noise must be in [0, 1), got ${noise}`);
  const layout = options.layout ?? 'layer-first';
  if (layout !== 'layer-first' && layout !== 'domain-first')
    throw new RangeError(`generateMonolith: unknown layout ${String(layout)}`);
  return { seed, files, domains, noise, layout };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
