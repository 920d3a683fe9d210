import { describe, expect, it } from 'vitest';
import { SYMBOL_MEANINGS, classifySpecialSymbol, isSpecialSymbol } from './specialSymbols.ts';

describe('classifySpecialSymbol', () => {
  it.each([
    ['x', 'confidential'],
    ['X', 'confidential'],
    ['ｘ', 'confidential'],
    ['***', 'confidential'],
    ['＊＊＊', 'confidential'],
    ['*', 'confidential'],
    ['秘匿', 'confidential'],
    ['-', 'none'],
    ['－', 'none'],
    ['‐', 'none'],
    ['―', 'none'],
    ['−', 'none'],
    ['—', 'none'],
    ['ー', 'none'],
    ['--', 'none'],
    ['該当なし', 'none'],
    ['…', 'unavailable'],
    ['...', 'unavailable'],
    ['・・・', 'unavailable'],
    ['‥', 'unavailable'],
    ['不詳', 'unavailable'],
    ['N/A', 'unavailable'],
  ] as const)('%j means %s', (text, meaning) => {
    expect(classifySpecialSymbol(text)).toEqual({ symbol: text, original: text, meaning });
    expect(isSpecialSymbol(text)).toBe(true);
  });

  it('ignores surrounding white space but keeps the original', () => {
    expect(classifySpecialSymbol(' － ')).toEqual({ symbol: '－', original: ' － ', meaning: 'none' });
    expect(classifySpecialSymbol('　…')).toMatchObject({ symbol: '…', meaning: 'unavailable' });
  });

  it.each(['0', '0.0', '-5', '△', '1-3', 'x1', 'xx', 'max', 'ー部', '×', '○', '', '   ', 'a', '.', '・', '-----'])('%j is not a symbol', (text) => {
    expect(classifySpecialSymbol(text)).toBeUndefined();
  });

  it('names every meaning in Japanese and English', () => {
    expect(SYMBOL_MEANINGS.confidential.ja).toBe('秘匿');
    expect(SYMBOL_MEANINGS.none.ja).toBe('該当数値なし');
    expect(SYMBOL_MEANINGS.unavailable.ja).toBe('不詳・調査なし');
  });
});
