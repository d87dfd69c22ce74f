import type { CheckOutcome } from '../../gate/check.js';
import type { Violation } from '../../gate/types.js';
import { codeSpan, escapeMarkdown } from '../markdown-text.js';
import { RULE_DESCRIPTIONS } from './rules.js';
import type { CheckFormat } from '../formats.js';

/** Renders a check outcome; the format never changes the verdict. */
export function renderCheck(outcome: CheckOutcome, format: CheckFormat, version: string): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ schemaVersion: 1, tool: { name: 'seams', version }, boundaries: outcome.boundariesFile, ...outcome.result, diagnostics: outcome.diagnostics }, null, 2)}\n`;
    case 'sarif':
      return renderSarif(outcome, version);
    case 'github':
      return renderGithub(outcome);
    case 'markdown':
      return renderMarkdown(outcome);
    default:
      return renderText(outcome);
  }
}

const where = (violation: Violation) => `${violation.file}:${violation.line}`;

function renderText(outcome: CheckOutcome): string {
  const { result } = outcome;
  const lines: string[] = [];
  for (const violation of result.newViolations)
    lines.push(`${where(violation)}  ${violation.rule}  ${violation.message}`);
  if (result.newViolations.length > 0) lines.push('');
  if (result.fixed.length > 0) lines.push(`${result.fixed.length} fixed: run --update-baseline to ratchet`);
  if (result.unassignedModules.length > 0)
    lines.push(
      `${result.unassignedModules.length} modules belong to no service of ${outcome.boundariesFile} and are not checked`,
    );
  lines.push(
    `seams check: ${result.summary} (${result.checkedModules} modules checked) — ${result.passed ? 'passed' : 'FAILED'}`,
  );
  return `${lines.join('\n')}\n`;
}

function renderGithub(outcome: CheckOutcome): string {
  const escapeCommand = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => escapeCommand(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = outcome.result.newViolations.map(
    (violation) =>
      `::error file=${property(violation.file)},line=${violation.line},title=${property(`seams ${violation.rule}`)}::${escapeCommand(violation.message)}`,
  );
  lines.push(
    `::${outcome.result.passed ? 'notice' : 'error'}::${escapeCommand(`seams check: ${outcome.result.summary}`)}`,
  );
  return `${lines.join('\n')}\n`;
}

function renderMarkdown(outcome: CheckOutcome): string {
  const { result } = outcome;
  // Paths go in code spans (fenced past any backtick in them); messages are escaped Markdown text.
  const lines = [
    `### seams check: ${result.passed ? '✅ passed' : '❌ failed'}`,
    '',
    `**${escapeMarkdown(result.summary)}** (${result.checkedModules} modules checked against ${codeSpan(outcome.boundariesFile)})`,
    '',
  ];
  if (result.newViolations.length > 0) {
    lines.push('| file | rule | what |', '| --- | --- | --- |');
    for (const violation of result.newViolations)
      lines.push(`| ${codeSpan(where(violation))} | ${violation.rule} | ${escapeMarkdown(violation.message)} |`);
    lines.push('');
  }
  if (result.fixed.length > 0)
    lines.push(
      `${result.fixed.length} accepted violations are fixed: run \`seams check --update-baseline\` to ratchet the baseline.`,
      '',
    );
  return `${lines.join('\n')}\n`;
}

/** SARIF 2.1.0: one result per violation with its physical location; baselined ones are `unchanged` notes. */
function renderSarif(outcome: CheckOutcome, version: string): string {
  const ruleIds = Object.keys(RULE_DESCRIPTIONS) as (keyof typeof RULE_DESCRIPTIONS)[];
  const result = (violation: Violation, baselineState: 'new' | 'unchanged') => ({
    ruleId: violation.rule,
    ruleIndex: ruleIds.indexOf(violation.rule),
    level: baselineState === 'new' ? 'error' : 'note',
    baselineState,
    message: { text: violation.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(violation.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: violation.line },
        },
      },
    ],
    partialFingerprints: { seamsIdentity: violation.identity },
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'seams',
            version,
            informationUri: 'https://github.com/seams-dev/seams',
            rules: ruleIds.map((id) => ({
              id,
              name: id,
              shortDescription: { text: RULE_DESCRIPTIONS[id].short },
              fullDescription: { text: RULE_DESCRIPTIONS[id].full },
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: [
          ...outcome.result.newViolations.map((violation) => result(violation, 'new')),
          ...outcome.result.knownViolations.map((violation) => result(violation, 'unchanged')),
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
