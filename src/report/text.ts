import Table from 'cli-table3';
import type { Analysis } from '../analysis.js';
import { compareStrings } from '../diagnostics.js';

/** How many diagnostics the text report lists before summarising the rest. */
const DIAGNOSTICS_SHOWN = 20;

/** The report for people: candidate services table, partition metrics, plan, diagnostics. */
export function renderText(analysis: Analysis): string {
  const { graph, partition, metrics, plan } = analysis;
  const out: string[] = [];
  out.push(`seams ${analysis.tool.version}: ${graph.modules.length} modules, ${graph.edges.length} import edges, ${partition.clusters.length} candidate services`);
  out.push('');
  out.push('Candidate services');
  const table = new Table({
    head: ['service', 'files', 'lines', 'Ca', 'Ce', 'I', 'cohesion'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const service of metrics.services) {
    table.push([service.cluster, service.files, service.lines, service.ca, service.ce, service.instability.toFixed(2), service.cohesion.toFixed(2)]);
  }
  out.push(table.toString());
  out.push('Ca: modules outside importing in · Ce: modules inside importing out · I = Ce/(Ca+Ce) · cohesion: share of edges kept inside');
  const kernelSize = Object.keys(partition.kernel).length;
  if (kernelSize > 0) {
    out.push(`Shared kernel: ${kernelSize} module${kernelSize === 1 ? '' : 's'} kept out of the services (see "kernel" in --format json for why each)`);
  }
  out.push(...renderPackages(analysis));
  out.push('');
  out.push('Partition');
  out.push(`  modularity Q  ${metrics.partition.modularity.toFixed(3)}   (Newman; higher is better, above 0.3 is clear structure)`);
  const signals = analysis.clustering.signals.filter((signal) => signal.weight > 0 && signal.pairs > 0).map((signal) => `${signal.name} ×${signal.weight} (${signal.pairs} pairs)`);
  out.push(`  signals       ${signals.join(', ')}; resolution ${analysis.settings.resolution}${analysis.clustering.sweep ? ' (chosen by --resolution auto)' : ''}`);
  const expected = metrics.partition.expected;
  if (expected !== null) {
    const source = analysis.settings.expected ?? 'the expected partition';
    out.push(`  MoJoFM        ${expected.mojoFm.toFixed(1)}   (agreement with ${source}, 0-100; ${expected.compared} modules compared${expected.missingFromExpected > 0 ? `, ${expected.missingFromExpected} not in it` : ''})`);
  }
  if (plan.cycles.length > 0) {
    out.push(`  cycles        ${plan.cycles.map((cycle) => cycle.join(' <-> ')).join('; ')}`);
  }
  out.push('');
  out.push('Extraction plan (leaves first)');
  for (const step of plan.steps) {
    out.push(`  ${String(step.rank).padStart(2)}. ${step.clusters.join(' + ')}: ${step.reason}`);
  }
  out.push('');
  out.push(...renderDiagnostics(analysis));
  return `${out.join('\n')}\n`;
}

/** How many package names a service lists before summarising the rest. */
const PACKAGES_SHOWN = 8;

/** npm packages each service imports: what its own package.json would need. */
function renderPackages(analysis: Analysis): string[] {
  const lines: string[] = [];
  for (const item of analysis.partition.clusters) {
    const names = [...new Set(item.modules.flatMap((id) => analysis.graph.externals[id]?.packages ?? []))].sort(compareStrings);
    if (names.length === 0) continue;
    const more = names.length > PACKAGES_SHOWN ? ` +${names.length - PACKAGES_SHOWN} more` : '';
    lines.push(`  ${item.id}: ${names.slice(0, PACKAGES_SHOWN).join(', ')}${more}`);
  }
  return lines.length === 0 ? [] : ['', 'npm packages per service', ...lines];
}

function renderDiagnostics(analysis: Analysis): string[] {
  const diagnostics = analysis.diagnostics;
  if (diagnostics.length === 0) return ['Diagnostics: none'];
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  const summary = [...counts.entries()].sort((a, b) => compareStrings(a[0], b[0])).map(([code, count]) => `${count} ${code}`).join(', ');
  const lines = [`Diagnostics: ${summary}`];
  for (const diagnostic of diagnostics.slice(0, DIAGNOSTICS_SHOWN)) {
    const where = diagnostic.file === undefined ? '' : `${diagnostic.file}${diagnostic.line === undefined ? '' : `:${diagnostic.line}`} `;
    lines.push(`  ${where}[${diagnostic.code}] ${diagnostic.message}`);
  }
  if (diagnostics.length > DIAGNOSTICS_SHOWN) lines.push(`  ... ${diagnostics.length - DIAGNOSTICS_SHOWN} more (see --format json)`);
  return lines;
}
