// Level 2 (ガイド 10): titles and datatypes are machine-readable. Once a column declares its
// datatype — read from the @Datatype row of a re-imported Level 2 CSV, or chosen in the
// metadata panel — every data value must be of that type. Blanks and statistical symbols
// (`x`, `…`, `－`) are allowed in any column: they are documented, not values.
import { isIgnorableValue, matchesDatatype } from '../io/datatype.ts';
import { getFormat, getRaw, getValue } from '../model.ts';
import { exportText } from '../numberFormat.ts';
import { cellRule, ruleMeta } from './types.ts';

const meta = ruleMeta({
  id: 'datatypes',
  level: 2,
  severity: 'error',
  family: 'value',
  guideRef: { guide: 'レベル2 データ型', other: 'CSVW' },
  title: { ja: 'データ型に合わない値', en: 'Values that do not fit the datatype' },
  description: {
    ja: '列のデータ型(@Datatype)が決まっている場合、その列の値はすべてその型である必要があります(空欄と秘匿・該当なしの記号は除く)。',
    en: 'When a column declares its datatype (@Datatype), each of its values must be of that type (blanks and statistical symbols aside).',
  },
  messages: {
    mismatch: { ja: '「{value}」は列の型 {datatype} に合いません。', en: '"{value}" is not a {datatype}, the type of its column.' },
    edit: { ja: '値を直すか、列のデータ型を見直します。', en: 'Correct the value, or reconsider the column datatype.' },
  },
});

export const rule = cellRule({
  meta,
  scope: 'cell',
  applies: (view) => (view.sheet.meta?.columns ?? []).some((c) => c?.datatype && c.datatype !== 'xsd:string'),
  detectCell(view, r, c, report) {
    const datatype = view.sheet.meta?.columns[c]?.datatype;
    if (!datatype || datatype === 'xsd:string') return;
    const region = view.regionOf(r, c);
    if (region !== 'data' && region !== 'key') return;
    const { sheet } = view;
    const text = exportText(getValue(sheet, r, c), getFormat(sheet, r, c), getRaw(sheet, r, c), view.date1904);
    if (text === '' || isIgnorableValue(text) || matchesDatatype(text, datatype)) return;
    report('mismatch', { r, c }, { value: text.length > 30 ? `${text.slice(0, 30)}…` : text, datatype }, { fixId: 'edit' });
  },
});
