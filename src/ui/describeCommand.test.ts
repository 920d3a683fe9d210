import { describe, expect, it } from 'vitest';
import type { Command } from '../core/history.ts';
import { describeCommand } from './describeCommand.ts';

const edit: Command['step'] = { kind: 'edit', sheet: 'Sheet1', row: { index: 2, key: ['北海道'] }, column: { index: 1, title: '人口' }, text: '5' };

describe('describeCommand', () => {
  it('names each kind of command from its step, in both languages', () => {
    const named = (step: Command['step'], replayed?: true) => [describeCommand({ step, replayed }, 'ja'), describeCommand({ step, replayed }, 'en')];
    // The cell as it was addressed when edited.
    expect(named(edit)).toEqual(['B3 の編集', 'Edit B3']);
    expect(named({ kind: 'fix', sheet: 'Sheet1', rule: 'units' })).toEqual(['修正: 単位・記数単位', 'Fix: Units and scales']);
    expect(named({ kind: 'fixAll' })).toEqual(['すべて修正', 'Fix all']);
    expect(named({ kind: 'meta', sheet: 'Sheet1', patch: { caption: 'x' } })).toEqual(['メタデータの編集', 'Edit metadata']);
  });

  it('says a step came from a recipe', () => {
    expect(describeCommand({ step: edit, replayed: true }, 'ja')).toBe('レシピの手順(edit)');
    expect(describeCommand({ step: { kind: 'fixAll' }, replayed: true }, 'en')).toMatch(/fixAll/);
  });
});
