import { OPTIONS, type OptionSpec, type ValueSchema } from './options.js';

/** What each group of nested fields in seams.config.json holds. */
const GROUPS: Readonly<Record<string, string>> = {
  weights: 'Edge weights of the coupling signals that clustering adds up.',
  git: 'Change coupling from the git history of the analysed folder.',
};

/**
 * The JSON Schema of seams.config.json, built from the option table: every option with a config
 * key, its value schema, description and default. schema/config.schema.json is this object
 * (scripts/config-schema.mjs writes it; test/config/generated-docs.test.ts fails when it drifts).
 */
export function configSchema(): Record<string, unknown> {
  const properties: Record<string, Record<string, unknown>> = {
    $schema: { type: 'string', description: 'Where editors find this schema.' },
  };
  const specs: readonly OptionSpec[] = Object.values(OPTIONS);
  for (const spec of specs) {
    if (spec.configKey === null || spec.schema === null) continue;
    const [group, key] = spec.configKey.includes('.') ? spec.configKey.split('.') : [null, spec.configKey];
    const field = fieldSchema(spec, spec.schema);
    if (group === null || group === undefined || key === undefined) {
      properties[spec.configKey] = field;
      continue;
    }
    properties[group] ??= {
      type: 'object',
      description: GROUPS[group] ?? '',
      additionalProperties: false,
      properties: {},
    };
    const parent = properties[group];
    (parent.properties as Record<string, unknown>)[key] = field;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://seams.dev/schema/config-v1.json',
    title: 'seams configuration',
    description:
      'seams.config.json: project settings of seams kept in the repository (plain JSON; nothing is executed). Every field is optional; command-line options override it.',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

/**
 * The schema a library option is checked against: the same value schemas, keyed by option name
 * (`semanticWeight`, not `weights.semantic`); other keys of the options object pass through.
 */
export function optionsSchema(): Record<string, unknown> {
  const properties: Record<string, ValueSchema> = {};
  for (const [name, spec] of Object.entries(OPTIONS) as [string, OptionSpec][])
    if (spec.schema !== null) properties[name] = spec.schema;
  return { type: 'object', properties };
}

function fieldSchema(spec: OptionSpec, schema: ValueSchema): Record<string, unknown> {
  const description = spec.description.charAt(0).toUpperCase() + spec.description.slice(1);
  const field: Record<string, unknown> = { description: `${description}.`, ...schema };
  if (spec.default !== null && !(typeof spec.default === 'object' && Object.keys(spec.default).length === 0))
    field.default = spec.default;
  return field;
}

/** The text of schema/config.schema.json: configSchema() as JSON, two-space indented, one final newline. */
export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}
