/** Number and word formatting for the HTML report: locale-independent, so output is byte-identical everywhere. */

export { formatCount, plural } from '../explain.js';

/** A number with a fixed number of decimals (toFixed is locale-independent). */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** A coordinate for SVG markup: one decimal, no `-0`. */
export function coord(value: number): string {
  const text = value.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}
