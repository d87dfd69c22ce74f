import { createHash } from 'node:crypto';
import type { CheckOutcome } from '../../check.js';
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
    case 'gitlab':
      return renderGitlab(outcome);
    case 'markdown':
      return renderMarkdown(outcome);
    default:
      return renderText(outcome);
  }
}

const where = (violation: Violation) => `${violation.file}:${violation.line}`;

/** `1 module`, `2 modules`. */
const count = (n: number, singular: string, plural = `${singular}s`) => `${n} ${n === 1 ? singular : plural}`;

/** A violation's file named from the repository root, for the formats code hosts read. */
const fromRepositoryRoot = (outcome: CheckOutcome, violation: Violation) =>
  `${outcome.repository.prefix}${violation.file}`;

function renderText(outcome: CheckOutcome): string {
  const { result } = outcome;
  const lines: string[] = [];
  for (const violation of result.newViolations)
    lines.push(`${where(violation)}  ${violation.rule}  ${violation.message}`);
  if (result.newViolations.length > 0) lines.push('');
  if (result.fixed.length > 0)
    lines.push(
      outcome.baselineUpdate === null
        ? `${result.fixed.length} fixed: run --update-baseline to ratchet`
        : `${result.fixed.length} fixed: removed from the baseline`,
    );
  if (outcome.baselineUpdate !== null)
    lines.push(`baseline updated: ${count(outcome.baselineUpdate.entries, 'accepted violation')}`);
  if (result.unassignedModules.length > 0) {
    const one = result.unassignedModules.length === 1;
    // With "unclaimed": "error" (the default) each is an unclaimed-module violation listed above.
    const flagged = [...result.newViolations, ...result.knownViolations].some(
      (item) => item.rule === 'unclaimed-module',
    );
    lines.push(
      `${count(result.unassignedModules.length, 'module')} ${one ? 'belongs' : 'belong'} to no service of ${outcome.boundariesFile}${flagged ? ' (unclaimed-module above: claim it in a service\'s "modules")' : ` and ${one ? 'is' : 'are'} not checked ("unclaimed": "warn")`}`,
    );
  }
  lines.push(
    `seams check: ${result.summary} (${count(result.checkedModules, 'module')} checked) — ${result.passed ? 'passed' : 'FAILED'}`,
  );
  return `${lines.join('\n')}\n`;
}

function renderGithub(outcome: CheckOutcome): string {
  const escapeCommand = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => escapeCommand(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = outcome.result.newViolations.map(
    (violation) =>
      `::error file=${property(fromRepositoryRoot(outcome, violation))},line=${violation.line},title=${property(`seams ${violation.rule}`)}::${escapeCommand(violation.message)}`,
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
    `**${escapeMarkdown(result.summary)}** (${count(result.checkedModules, 'module')} checked against ${codeSpan(outcome.boundariesFile)})`,
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
      outcome.baselineUpdate === null
        ? `${count(result.fixed.length, 'accepted violation')} ${result.fixed.length === 1 ? 'is' : 'are'} fixed: run \`seams check --update-baseline\` to ratchet the baseline.`
        : `${count(result.fixed.length, 'accepted violation')} ${result.fixed.length === 1 ? 'is' : 'are'} fixed and removed from the baseline.`,
      '',
    );
  return `${lines.join('\n')}\n`;
}

/**
 * GitLab Code Quality (a JSON array of issues): the new violations only, each `major`, with its
 * file from the repository root and a fingerprint that stays the same while the violation does
 * (a hash of the package's place and the violation's identity, which names no line).
 */
function renderGitlab(outcome: CheckOutcome): string {
  const issues = outcome.result.newViolations.map((violation) => ({
    description: violation.message,
    check_name: violation.rule,
    fingerprint: createHash('sha256').update(`${outcome.repository.prefix}\u0000${violation.identity}`).digest('hex'),
    severity: 'major',
    location: { path: fromRepositoryRoot(outcome, violation), lines: { begin: violation.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}

/**
 * SARIF 2.1.0: one result per violation with its physical location from the repository root
 * (`%SRCROOT%`); new ones are `new` errors, baselined ones `unchanged` notes suppressed
 * externally (by the baseline file), so code scanning does not open them as alerts.
 */
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
          artifactLocation: { uri: encodeURI(fromRepositoryRoot(outcome, violation)), uriBaseId: '%SRCROOT%' },
          region: { startLine: violation.line },
        },
      },
    ],
    partialFingerprints: { seamsIdentity: violation.identity },
    ...(baselineState === 'unchanged'
      ? {
          suppressions: [
            { kind: 'external', status: 'accepted', justification: `accepted in ${outcome.baselineFile}` },
          ],
        }
      : {}),
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
        results: [
          ...outcome.result.newViolations.map((violation) => result(violation, 'new')),
          ...outcome.result.knownViolations.map((violation) => result(violation, 'unchanged')),
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
