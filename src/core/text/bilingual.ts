// Bilingual titles: statistics tables often print the English title on the line under
// the Japanese one (`和暦\nJapanese year`). Flattening keeps the Japanese title and puts
// the English one aside (CSVW can carry both), instead of gluing them together.

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
const LATIN = /[A-Za-z]/;

export interface BilingualTitle {
  ja: string;
  /** The English lines, joined with spaces; undefined when there are none. */
  en?: string;
}

/** The Japanese text and an English tail on the same line: `人口Population`, `総 数 Total`, `年  月 Year and Month`. */
function splitLine(text: string): BilingualTitle {
  let last = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    if (CJK.test(text[i])) {
      last = i;
      break;
    }
  }
  if (last < 0) return { ja: text };
  const tail = text.slice(last + 1).trim();
  // An English tail has a word; `(H17=100)` or `1)` after the Japanese is not one.
  if (!/[A-Za-z]{3,}/.test(tail) || !/^[A-Za-z(（"']/.test(tail)) return { ja: text };
  return { ja: text.slice(0, last + 1).trimEnd(), en: tail };
}

/** Splits a title cell into its Japanese lines and the English lines that follow them. */
export function splitBilingual(text: string): BilingualTitle {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length < 2) return splitLine(text);
  let cut = lines.length;
  while (cut > 1 && LATIN.test(lines[cut - 1]) && !CJK.test(lines[cut - 1])) cut--;
  if (cut === lines.length) {
    if (!lines.some((l) => CJK.test(l))) return { ja: text };
    const inline = splitLine(lines[cut - 1]);
    if (!inline.en) return { ja: text };
    return { ja: [...lines.slice(0, cut - 1), inline.ja].join('\n'), en: inline.en };
  }
  if (!lines.slice(0, cut).some((l) => CJK.test(l))) return { ja: text };
  return {
    ja: lines.slice(0, cut).join('\n'),
    en: lines
      .slice(cut)
      .map((l) => l.trim())
      .join(' '),
  };
}

/** A title part with no Japanese in it (`Households`, `Area(k㎡)`): the English line of a bilingual header. */
export function isEnglishOnly(text: string): boolean {
  return LATIN.test(text) && !CJK.test(text);
}
