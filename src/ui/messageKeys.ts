// The message keys of values the UI shows from typed unions (text encodings, delimiters,
// load phases, why a recipe step was skipped), one map per union. A value without its
// message, or a message for no value, is a type error; each key is written out, so the
// test of the catalogue finds every key in use.
import type { TextEncodingName } from '../core/model.ts';
import type { StepOutcome } from '../core/recipe.ts';
import type { LoadingState } from '../store/documentStore.ts';
import type { MessageKey } from './i18n.ts';

/** For every value K of the union U, the key `${P}${K}` of the catalogue. */
type KeysOf<P extends string, U extends string> = { readonly [K in U]: `${P}${K}` & MessageKey };

export const ENCODING_KEYS: KeysOf<'encoding.', TextEncodingName> = {
  'utf-8': 'encoding.utf-8',
  'utf-8-bom': 'encoding.utf-8-bom',
  shift_jis: 'encoding.shift_jis',
  'euc-jp': 'encoding.euc-jp',
  'utf-16le': 'encoding.utf-16le',
  'utf-16be': 'encoding.utf-16be',
};

/** The delimiters a text file can be read with, in the order the menu offers them. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;

export const DELIMITER_KEYS: KeysOf<'delimiter.', (typeof DELIMITERS)[number]> = {
  ',': 'delimiter.,',
  '\t': 'delimiter.\t',
  ';': 'delimiter.;',
  '|': 'delimiter.|',
};

export const LOAD_PHASE_KEYS: KeysOf<'load.phase.', LoadingState['phase']> = {
  read: 'load.phase.read',
  decode: 'load.phase.decode',
  parse: 'load.phase.parse',
  convert: 'load.phase.convert',
  analyse: 'load.phase.analyse',
};

type SkipReason = Extract<StepOutcome, { status: 'skipped' }>['reason'];

export const SKIP_KEYS: KeysOf<'recipe.skip.', SkipReason> = {
  'sheet-missing': 'recipe.skip.sheet-missing',
  'row-missing': 'recipe.skip.row-missing',
  'column-missing': 'recipe.skip.column-missing',
  'nothing-to-fix': 'recipe.skip.nothing-to-fix',
  unchanged: 'recipe.skip.unchanged',
};
