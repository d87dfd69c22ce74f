/**
 * The reporter registry: every report format with its reporter, and `render`, which picks one.
 * Each reporter is pure (Analysis in, text out); only the CLI writes the text anywhere.
 */
import type { Analysis } from '../analysis.js';
import { SeamsError } from '../base/errors.js';
import { renderDot } from './dot.js';
import { FORMAT_INFO, REPORT_FORMATS, type FormatInfo, type ReportFormat } from './formats.js';
import type { GraphLevel } from './graph-view.js';
import { renderHtml } from './html/render-html.js';
import { renderJsonChunks } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderMermaid } from './mermaid.js';
import { renderText } from './text.js';

/** One report format. */
export interface Reporter extends FormatInfo {
  /** Renders an analysis; a large report may come in pieces whose concatenation is the report. */
  render: (analysis: Analysis, level?: GraphLevel) => Iterable<string> | string;
}

/** Options of `render`. */
export interface RenderOptions {
  /** For dot and mermaid: draw the services (default), or the modules grouped by service. */
  level?: GraphLevel;
}

const RENDERERS: Record<ReportFormat, Reporter['render']> = {
  text: renderText,
  json: renderJsonChunks,
  analysis: (analysis) => `${JSON.stringify(analysis)}\n`,
  html: renderHtml,
  markdown: renderMarkdown,
  dot: (analysis, level = 'service') => renderDot(analysis, level),
  mermaid: (analysis, level = 'service') => renderMermaid(analysis, level),
};

/** Every report format by name, in the order of REPORT_FORMATS. */
export function getReporters(): ReadonlyMap<ReportFormat, Reporter> {
  return new Map(REPORT_FORMATS.map((format) => [format, { ...FORMAT_INFO[format], render: RENDERERS[format] }]));
}

/** Renders an analysis in a format, in pieces (the JSON report of a large project is written without one huge string). */
export function renderChunks(analysis: Analysis, format: ReportFormat, options: RenderOptions = {}): Iterable<string> {
  if (!Object.hasOwn(RENDERERS, format)) {
    throw new SeamsError(
      'OPTION_INVALID',
      `unknown report format '${String(format)}'`,
      `use one of ${REPORT_FORMATS.join(', ')}`,
    );
  }
  const level = options.level ?? 'service';
  if (level === 'module' && !FORMAT_INFO[format].levels) {
    throw new SeamsError(
      'OPTION_INVALID',
      `--level module applies to --format dot or mermaid, not ${format}`,
      'for example `seams analyze --format dot --level module`',
    );
  }
  const text = RENDERERS[format](analysis, level);
  return typeof text === 'string' ? [text] : text;
}

/** Renders an analysis in a format: the report as one string. */
export function render(analysis: Analysis, format: ReportFormat, options: RenderOptions = {}): string {
  return [...renderChunks(analysis, format, options)].join('');
}
