/** Number and word formatting for the HTML report: locale-independent, so output is byte-identical everywhere. */

/** An integer with thin-space-free comma grouping (1,076), independent of the machine's locale. */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(value)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 import`, `2 imports`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${formatCount(count)} ${count === 1 ? word : many}`;
}

/** A number with a fixed number of decimals (toFixed is locale-independent). */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** A coordinate for SVG markup: one decimal, no `-0`. */
export function coord(value: number): string {
  const text = value.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}
