import type { Analysis } from '../analysis.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';

/** Picks the reporter for a format. */
export function renderReport(analysis: Analysis, format: 'text' | 'json'): string {
  return format === 'json' ? renderJson(analysis) : renderText(analysis);
}
