/**
 * What the reporters say about the numbers: one row per partition metric with its value, its
 * definition's source and which way is better, and the npm packages each service needs. Shared by
 * the text, Markdown and HTML reports so that every format explains a metric the same way.
 */
import type { Analysis } from '../analysis.js';
import type { ClusterId } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';

/** One partition metric as the reports show it. */
export interface MetricRow {
  /** Short name (as in the README). */
  name: string;
  /** The value, formatted. */
  value: string;
  /** Where the definition comes from. */
  source: string;
  /** One line: what it measures, its range, and which way is better. */
  meaning: string;
  /** Which way is better. */
  better: 'higher' | 'lower';
  /** `partition`: a measure of the partition itself; `agreement`: agreement with `--expected`. */
  group: 'partition' | 'agreement';
}

/** The partition metrics of an analysis, with their explanations, in a fixed order. */
export function metricRows(analysis: Analysis): MetricRow[] {
  const m = analysis.metrics.partition;
  const rows: MetricRow[] = [
    {
      name: 'modularity Q',
      value: m.modularity.toFixed(3),
      source: 'Newman 2006',
      meaning:
        'how much more weight stays inside services than chance would put there; -0.5..1, above 0.3 is a clear structure',
      better: 'higher',
      group: 'partition',
    },
    {
      name: 'TurboMQ',
      value: m.turboMq.toFixed(3),
      source: 'Mitchell & Mancoridis 2006, normalised',
      meaning: 'mean cluster factor: internal weight against internal plus boundary weight; 0..1',
      better: 'higher',
      group: 'partition',
    },
    {
      name: 'SM',
      value: m.structuralModularity.toFixed(3),
      source: 'structural modularity, Jin et al. 2019',
      meaning: 'cohesion inside services minus coupling between them; -1..1',
      better: 'higher',
      group: 'partition',
    },
    {
      name: 'ICP',
      value: m.icp.toFixed(3),
      source: 'inter-partition call percentage, Jin et al. 2019',
      meaning: 'share of imported names that cross a service boundary; 0..1',
      better: 'lower',
      group: 'partition',
    },
    {
      name: 'IFN',
      value: m.ifn.toFixed(1),
      source: 'interface number, Jin et al. 2019',
      meaning: 'names a service exposes to other services, on average',
      better: 'lower',
      group: 'partition',
    },
    {
      name: 'NED',
      value: m.ned.toFixed(3),
      source: 'non-extreme distribution, Wu et al. 2005',
      meaning: `share of files in services of ${m.nedWindow.min}..${m.nedWindow.max} files (neither tiny nor huge); 0..1`,
      better: 'higher',
      group: 'partition',
    },
    {
      name: 'CDP',
      value: m.cdp.toFixed(3),
      source: 'cyclic dependency pairs',
      meaning: 'share of coupled service pairs that import each other both ways; 0..1',
      better: 'lower',
      group: 'partition',
    },
  ];
  const expected = m.expected;
  if (expected !== null) {
    rows.push(
      {
        name: 'MoJoFM',
        value: expected.mojoFm.toFixed(1),
        source: 'Wen & Tzerpos 2004',
        meaning: 'agreement with the expected partition; 100 = the same partition',
        better: 'higher',
        group: 'agreement',
      },
      {
        name: 'ARI',
        value: expected.ari.toFixed(3),
        source: 'adjusted Rand index, Hubert & Arabie 1985',
        meaning: 'agreement with the expected partition; 1 = the same, about 0 = random',
        better: 'higher',
        group: 'agreement',
      },
      {
        name: 'c2c coverage',
        value: `${(expected.c2cCoverage * 100).toFixed(0)}%`,
        source: 'Bittencourt & Guerrero 2009',
        meaning: 'expected services recovered with at least 50% overlap',
        better: 'higher',
        group: 'agreement',
      },
    );
  }
  return rows;
}

/** An integer with comma grouping (1,076), independent of the machine's locale. */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(value)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 import`, `2 imports`, `1,076 lines`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${formatCount(count)} ${count === 1 ? word : many}`;
}

/** The npm packages each service imports (what its own package.json would need), sorted; services with none are left out. */
export function packagesByService(analysis: Analysis): Map<ClusterId, string[]> {
  const result = new Map<ClusterId, string[]>();
  for (const item of analysis.partition.clusters) {
    const names = [...new Set(item.modules.flatMap((id) => analysis.graph.externals[id]?.packages ?? []))].sort(
      compareStrings,
    );
    if (names.length > 0) result.set(item.id, names);
  }
  return result;
}

/** Files outside the analysed root one service imports, by the folder of the package each belongs to. */
export interface OutsideFolder {
  /** Folder relative to the root (`../../libs/billing`). */
  folder: string;
  /** Files of that folder the service imports, relative to the root, sorted. */
  files: string[];
}

/**
 * The files outside the analysed root each service imports, grouped by the folder of their
 * package (in a monorepo subfolder: the sibling packages the service will depend on), sorted by
 * folder; services with none are left out.
 */
export function outsideByService(analysis: Analysis): Map<ClusterId, OutsideFolder[]> {
  const result = new Map<ClusterId, OutsideFolder[]>();
  for (const item of analysis.partition.clusters) {
    const folders = new Map<string, Set<string>>();
    for (const id of item.modules) {
      for (const file of analysis.graph.externals[id]?.outside ?? []) {
        const files = folders.get(file.folder) ?? new Set<string>();
        files.add(file.path);
        folders.set(file.folder, files);
      }
    }
    if (folders.size === 0) continue;
    result.set(
      item.id,
      [...folders.entries()]
        .sort((a, b) => compareStrings(a[0], b[0]))
        .map(([folder, files]) => ({ folder, files: [...files].sort(compareStrings) })),
    );
  }
  return result;
}

/** `../lib (2 files)`: one line per folder, for the text and Markdown reports. */
export function describeOutside(folders: readonly OutsideFolder[]): string[] {
  return folders.map((item) => `${item.folder} (${plural(item.files.length, 'file')})`);
}

/** A module the architect should look at: placed by a rule, or held weakly in its service. */
export interface PlacementRow {
  /** The module. */
  module: string;
  /** Its cluster. */
  cluster: ClusterId;
  /** Consensus over the Louvain runs (0…1), or null when a rule placed it. */
  consensus: number | null;
  /** Why it is where it is: the rule's reason, or its strongest tie. */
  why: string;
}

/** Below this consensus a module is reported as a low-confidence placement. */
export const LOW_CONFIDENCE = 0.6;

/**
 * What the reports list about placements, in module order: the composition root (with why each
 * module stays), the unattached modules (no service claims them), and the low-confidence modules
 * of services: consensus below LOW_CONFIDENCE, or placed after clustering (hubs and singletons).
 */
export function placements(analysis: Analysis): {
  shell: PlacementRow[];
  unattached: PlacementRow[];
  lowConfidence: PlacementRow[];
} {
  const { partition } = analysis;
  const kinds = new Map(partition.clusters.map((item) => [item.id, item.kind]));
  const shell: PlacementRow[] = [];
  const unattached: PlacementRow[] = [];
  const lowConfidence: PlacementRow[] = [];
  for (const module of Object.keys(partition.assignment).sort(compareStrings)) {
    const cluster = partition.assignment[module] as ClusterId;
    const kind = kinds.get(cluster);
    const reason = partition.placement[module];
    const confidence = partition.confidence[module];
    if (kind === 'shell') shell.push({ module, cluster, consensus: null, why: reason ?? 'listed as shell' });
    else if (kind === 'unattached')
      unattached.push({ module, cluster, consensus: null, why: reason ?? 'tied to no service' });
    else if (kind === 'service' && (reason !== undefined || (confidence?.consensus ?? 1) < LOW_CONFIDENCE)) {
      const tie = confidence?.ties[0];
      const held =
        tie === undefined
          ? 'no tie inside its service'
          : `strongest tie ${tie.module} (${Object.entries(tie.signals)
              .map(([signal, weight]) => `${signal} ${weight}`)
              .join(', ')})`;
      lowConfidence.push({
        module,
        cluster,
        consensus: confidence?.consensus ?? null,
        why: reason ?? `in ${Math.round((confidence?.consensus ?? 0) * 100)}% of runs with its service; ${held}`,
      });
    }
  }
  return { shell, unattached, lowConfidence };
}
