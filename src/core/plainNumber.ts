// The one definition of "text that is plainly a number", shared by CSV import and
// typing into the grid: a decimal literal such as `-12`, `0.5` or `1.50`. Anything
// else (`1,234`, `０１`, `0911`, `1e3`, `+5`) stays text so that the rules can report it
// and no value changes silently.
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** The number `text` stands for, or undefined when it must stay text. */
export function plainNumber(text: string): number | undefined {
  if (!PLAIN_NUMBER.test(text)) return undefined;
  // More than 15 significant digits do not survive a double: keep such codes as text.
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > 15) return undefined;
  return Number(text);
}
