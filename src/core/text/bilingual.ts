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

/** Splits a title cell into its Japanese lines and the English lines that follow them. */
export function splitBilingual(text: string): BilingualTitle {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length < 2) return { ja: text };
  let cut = lines.length;
  while (cut > 1 && LATIN.test(lines[cut - 1]) && !CJK.test(lines[cut - 1])) cut--;
  if (cut === lines.length || !lines.slice(0, cut).some((l) => CJK.test(l))) return { ja: text };
  return {
    ja: lines.slice(0, cut).join('\n'),
    en: lines
      .slice(cut)
      .map((l) => l.trim())
      .join(' '),
  };
}
