import type { RuleId } from '../../gate/types.js';

/** Human descriptions of the check rules, shared by every check format. */
export const RULE_DESCRIPTIONS: Record<RuleId, { short: string; full: string }> = {
  'dependency-not-allowed': {
    short: 'Dependency not allowed',
    full: 'A module imports a module of a service that its own service\'s "allow" list does not name.',
  },
  'entry-point-bypassed': {
    short: 'Entry point bypassed',
    full: 'A module imports a module of another service that is not one of that service\'s "entryPoints".',
  },
  'service-cycle': {
    short: 'Cycle between services',
    full: 'The import lies on a cycle of the service dependency graph: the services depend on each other.',
  },
  'budget-exceeded': {
    short: 'Import budget exceeded',
    full: 'More module imports from one service into another than the budget in the boundaries file allows.',
  },
  'unclaimed-module': {
    short: 'Module claimed by no service',
    full: 'No service of the boundaries file claims the module, so none of its imports would be checked: add it (or a glob) to a service\'s "modules".',
  },
};
