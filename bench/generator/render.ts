/**
 * Turns the whole model into files: dispatches each module to its renderer, and writes the
 * pieces that are not entity code: domain barrels (`export { X } from` for deps of form
 * `static`, `export * from` for `inline`, `export type { X } from` for `type`), the composition
 * root (`src/app.ts` lists every controller, `src/main.ts` starts it), tsconfig.json (CommonJS,
 * node10 resolution, `@shared/*` alias, decorators) and package.json declaring typeorm.
 */
import type { Module, MonolithModel } from './model.js';
import { renderController, renderFeature, renderJob, renderService } from './render-classes.js';
import { renderDto, renderEvents, renderModel, renderRepository, renderValidator } from './render-entity.js';
import { renderKernel } from './render-kernel.js';
import { fileText, importBlock } from './render-parts.js';
import { specifier } from './layout.js';
import type { Kernel } from './wire-kernel.js';

/** Every file of the monolith: source modules plus tsconfig.json and package.json, keyed by path. */
export function renderFiles(model: MonolithModel, kernel: Kernel, name: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const module of model.modules) files.set(module.id, renderModule(module, model, kernel));
  files.set('tsconfig.json', tsconfig());
  files.set('package.json', packageJson(name));
  return files;
}

function renderModule(module: Module, model: MonolithModel, kernel: Kernel): string {
  switch (module.kind) {
    case 'model':
      return renderModel(module);
    case 'repository':
      return renderRepository(module, kernel);
    case 'service':
      return renderService(module, kernel);
    case 'feature':
      return renderFeature(module, kernel);
    case 'controller':
      return renderController(module, kernel);
    case 'dto':
      return renderDto(module, kernel);
    case 'validator':
      return renderValidator(module);
    case 'events':
      return renderEvents(module, kernel);
    case 'job':
      return renderJob(module, kernel);
    case 'barrel':
      return renderBarrel(module);
    case 'kernel': {
      const entry = kernel.byKey.get(module.kernelKey ?? '');
      if (entry === undefined) throw new Error(`generate-monolith: unknown kernel module ${module.kernelKey}`);
      return renderKernel(entry.spec, kernel.specs);
    }
    case 'root':
      return module.base === 'main' ? renderMain(module) : renderApp(module, model);
  }
}

function renderBarrel(module: Module): string {
  const lines = [`/** Public API of the ${module.domain} domain: the services other domains may use. */`];
  for (const dep of module.deps) {
    const spec = specifier(module, dep.target, false);
    if (dep.form === 'inline') lines.push(`export * from '${spec}';`);
    else lines.push(`export ${dep.form === 'type' ? 'type ' : ''}{ ${dep.names.join(', ')} } from '${spec}';`);
  }
  return `${lines.join('\n')}\n`;
}

function renderMain(module: Module): string {
  const body = [
    "const logger = createLogger('main');",
    '',
    '/** Starts the application: wires every controller and reports the routes. */',
    'export async function main(): Promise<void> {',
    '  const app = createApp();',
    "  logger.info('application started', { env: config.env, port: config.port, routes: app.routes.length });",
    '}',
    '',
    'void main();',
  ];
  return fileText(importBlock(module), [], [body]);
}

function renderApp(module: Module, model: MonolithModel): string {
  const controllers = module.deps.filter((dep) => dep.target.kind === 'controller');
  const list = ['/** Every HTTP controller of the application, by domain. */', 'export const CONTROLLERS = ['];
  for (const domain of model.domains) {
    const own = controllers.filter((dep) => dep.target.domain === domain.name);
    if (own.length === 0) continue;
    list.push(`  // ${domain.name}`, ...own.map((dep) => `  ${dep.names[0]},`));
  }
  list.push('] as const;');
  const create = [
    '/** Registers the routes of every controller. */',
    'export function createApp(): { routes: string[] } {',
    "  const logger = createLogger('app');",
    '  const routes = CONTROLLERS.map((controller) => controller.basePath as string);',
    "  logger.info('routes registered', { count: routes.length });",
    '  return { routes };',
    '}',
  ];
  return fileText(importBlock(module), [], [list, create]);
}

function tsconfig(): string {
  const config = {
    compilerOptions: {
      target: 'es2022',
      module: 'commonjs',
      moduleResolution: 'node10',
      ignoreDeprecations: '6.0',
      baseUrl: '.',
      paths: { '@shared/*': ['src/shared/*'] },
      experimentalDecorators: true,
      strict: true,
    },
    include: ['src'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function packageJson(name: string): string {
  const manifest = {
    name,
    version: '1.0.0',
    private: true,
    scripts: { build: 'tsc -p tsconfig.json', start: 'node dist/main.js' },
    dependencies: { 'reflect-metadata': '^0.2.2', typeorm: '^0.3.20' },
    devDependencies: { typescript: '^5.9.3' },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
