import { OPTIONS, type CommandName, type OptionName, type OptionSpec } from './options.js';

/**
 * The option table as people read it: the CLI's help line of each flag, and the README's two
 * tables (options in "Usage", fields in "Configuration"), which scripts/readme-tables.mjs writes
 * between marker comments and test/config/generated-docs.test.ts keeps from drifting.
 */

/** What the CLI declares for one flag. */
export interface OptionHelp {
  /** Flags as commander takes them: `--seed <n>`, `-o, --output <file>`, `--no-cache`. */
  flags: string;
  /** The help line: what the flag does, and its default where it takes a value. */
  description: string;
  /** Values commander should accept, when the flag is a choice. */
  choices: readonly string[] | undefined;
  /** Whether each use adds a value (collect them into an array). */
  repeatable: boolean;
  /** The default the CLI falls back to when the flag is absent (null: none, the library decides). */
  default: unknown;
}

/** The help of one flag, from the option table. Throws on an option that has no flag. */
export function optionHelp(name: OptionName): OptionHelp {
  const spec: OptionSpec = OPTIONS[name];
  if (spec.flag === null) throw new Error(`option ${name} has no command-line flag`);
  const takesValue = spec.flag.includes('<');
  const showsDefault = takesValue && spec.defaultText !== 'none';
  const text = `${plain(spec.flagDescription ?? spec.description)}${spec.repeatable ? ' (repeatable)' : ''}`;
  return {
    flags: spec.flag,
    description: showsDefault ? `${text} (default ${plain(spec.defaultText)})` : text,
    choices: spec.choices,
    repeatable: spec.repeatable === true,
    default: spec.default,
  };
}

/** Names of the options a command's command line takes, in table order. */
export function commandOptions(command: CommandName): OptionName[] {
  return (Object.keys(OPTIONS) as OptionName[]).filter((name) =>
    (OPTIONS[name].commands as readonly CommandName[]).includes(command),
  );
}

/**
 * The options of `seams report` that only analysing a project uses: `report --from` refuses them,
 * since a saved analysis keeps the settings it was made with.
 */
export function analysisOnlyOptions(): OptionName[] {
  return commandOptions('report').filter((name) => (OPTIONS[name] as OptionSpec).rerenders !== true);
}

/** README "Usage": every flag of `seams analyze` (and `report`), its meaning and default. */
export function usageTable(): string {
  const rows = commandOptions('analyze').map((name) => {
    const spec: OptionSpec = OPTIONS[name];
    const few = spec.choices !== undefined && spec.choices.length <= 2;
    const flag = few ? `${spec.flag?.split(' ')[0]} ${spec.choices?.join('|')}` : spec.flag;
    const many = spec.choices !== undefined && !few ? `: ${spec.choices.map(code).join(', ')}` : '';
    const meaning = `${spec.flagDescription ?? spec.description}${many}${spec.repeatable ? ' (repeatable)' : ''}`;
    return [code(flag ?? ''), meaning, spec.defaultText];
  });
  return table(['option', 'meaning', 'default'], rows);
}

/** README "Configuration": every field of seams.config.json, its values, default and flag. */
export function configTable(): string {
  const specs: readonly OptionSpec[] = Object.values(OPTIONS);
  const rows = specs
    .filter((spec) => spec.configKey !== null)
    .map((spec) => [
      code(spec.configKey ?? ''),
      spec.description,
      spec.expects.replace(/^must (?:be )?/, ''),
      spec.defaultText,
      spec.flag === null ? '' : code(spec.flag.split(' ')[0] ?? ''),
    ]);
  return table(['field', 'meaning', 'values', 'default', 'flag'], rows);
}

/** The generated blocks of the README, by marker name. */
export function readmeBlocks(): Record<string, string> {
  return { 'usage-options': usageTable(), 'config-fields': configTable() };
}

/**
 * `text` with the lines between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`
 * replaced by `block`. Throws when the markers are missing, so a renamed heading cannot silently
 * stop the generation.
 */
export function replaceBlock(text: string, name: string, block: string): string {
  const start = `<!-- generated:${name} (scripts/readme-tables.mjs from src/config/options.ts; do not edit) -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`markers of the generated block ${name} not found: ${start} ... ${end}`);
  return `${text.slice(0, from + start.length)}\n${block}${text.slice(to)}`;
}

/** The README with every generated block brought up to date. */
export function updateReadme(text: string): string {
  return Object.entries(readmeBlocks()).reduce((result, [name, block]) => replaceBlock(result, name, block), text);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return `${[line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')}\n`;
}

function code(text: string): string {
  return `\`${text}\``;
}

/** Documentation text without its Markdown code marks, for a terminal. */
function plain(text: string): string {
  return text.replaceAll('`', '');
}
