import type { Analysis } from '../analysis.js';
import { renderJsonChunks } from '../report/json.js';
import { renderText } from '../report/text.js';

/** Formats of `analyze` and `report`: people, the public JSON report, or the whole analysis (for `report --from`). */
export const REPORT_FORMATS = ['text', 'json', 'analysis'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Picks the reporter for a format; the JSON report comes in pieces (large projects). */
export function renderReport(analysis: Analysis, format: ReportFormat): Iterable<string> {
  if (format === 'analysis') return [`${JSON.stringify(analysis)}\n`];
  return format === 'json' ? renderJsonChunks(analysis) : [renderText(analysis)];
}
