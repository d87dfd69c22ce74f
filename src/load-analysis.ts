/**
 * `seams report --from`: an analysis saved with `--format analysis` read back, and what-if edits
 * on it. The edits re-run the back half (metrics and plan) on the saved graph, so this lives with
 * the orchestrators and report/ only renders.
 */
import type { Analysis } from './analysis.js';
import { editPartition, type PartitionEdits } from './cluster/edit-partition.js';
import { SeamsError } from './base/errors.js';
import { MAX_CACHE_SIZE, readRequiredText } from './base/read-file-safely.js';
import { serviceDependencies } from './graph/service-dependencies.js';
import { measure } from './metrics/measure.js';
import { planExtraction } from './plan/plan-extraction.js';
import { VERSION } from './base/version.js';

/** Reads an analysis saved with `--format analysis`; anything else is REPORT_INVALID. */
export function loadAnalysis(file: string, display: string): Analysis {
  const hint = 'save one with `seams analyze --format analysis --output analysis.json`';
  const text = readRequiredText(file, display, { root: null, maxBytes: MAX_CACHE_SIZE, hint });
  if (text === null)
    throw new SeamsError('REPORT_INVALID', `${display}: cannot read a saved analysis (not found)`, hint);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SeamsError(
      'REPORT_INVALID',
      `${display}: cannot read a saved analysis (${(error as Error).message.split('\n')[0]})`,
      'save one with `seams analyze --format analysis --output analysis.json`',
    );
  }
  const analysis = parsed as Partial<Analysis>;
  if (
    analysis.schemaVersion !== 1 ||
    analysis.graph === undefined ||
    analysis.partition === undefined ||
    analysis.clustering?.edges === undefined
  ) {
    throw new SeamsError(
      'REPORT_INVALID',
      `${display}: not an analysis saved with --format analysis`,
      'the JSON report (--format json) cannot be re-rendered; save with --format analysis',
    );
  }
  // The saved analysis is seams's internal data, not the public report: its shape follows the version.
  if (analysis.tool?.version !== VERSION) {
    throw new SeamsError(
      'REPORT_INVALID',
      `${display}: saved by seams ${String(analysis.tool?.version ?? 'unknown')}, this is seams ${VERSION}`,
      'analyse the project again with this version: `seams analyze --format analysis --output analysis.json`',
    );
  }
  return analysis as Analysis;
}

/**
 * What-if on a saved analysis: the edited partition is measured and planned again from the saved
 * graph and clustering graph, without analysing or clustering again. Agreement with an expected
 * partition is dropped (the map is not saved).
 */
export function reviseAnalysis(analysis: Analysis, edits: PartitionEdits): Analysis {
  if (edits.merges.length === 0 && edits.moves.length === 0) return analysis;
  const partition = editPartition(analysis.partition, edits);
  const dependencies = serviceDependencies(analysis.graph, partition.assignment);
  return {
    ...analysis,
    partition,
    metrics: measure(analysis.graph, analysis.clustering.edges, partition, dependencies, null),
    plan: planExtraction(analysis.graph, partition, dependencies),
  };
}
