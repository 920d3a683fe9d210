// The name of a command in the history and on the undo/redo buttons, made from the step the
// command keeps: one function for every kind of step.
import type { Command } from '../core/history.ts';
import { cellAddress, columnLetter, rangeAddress } from '../core/model.ts';
import { ruleById } from '../core/rules/registry.ts';
import { type Lang, translate } from './i18n.ts';

/** `B3 の編集`, `修正: 単位・記数単位`, `すべて修正`, `レシピの手順(fix)`… */
export function describeCommand(command: Pick<Command, 'step' | 'replayed'>, lang: Lang): string {
  const { step } = command;
  if (command.replayed) return translate(lang, 'history.recipe', { detail: step.kind });
  switch (step.kind) {
    case 'edit':
      // The cell as it was addressed when edited (the step also records it by row key and title).
      return translate(lang, 'history.edit', { detail: cellAddress(step.row.index, step.column.index) });
    case 'paste': {
      const first = step.cells[0];
      const last = step.cells[step.cells.length - 1];
      const range = first && last ? rangeAddress({ s: { r: first.row.index, c: first.column.index }, e: { r: last.row.index, c: last.column.index } }) : '';
      return translate(lang, 'history.paste', { detail: range });
    }
    case 'replace':
      return translate(lang, 'history.replace', { find: step.find, replace: step.replace });
    case 'rows':
      return translate(lang, step.op === 'insert' ? 'history.rowsInsert' : 'history.rowsDelete', { row: step.row.index + 1, count: step.count });
    case 'columns':
      return translate(lang, step.op === 'insert' ? 'history.columnsInsert' : 'history.columnsDelete', { column: columnLetter(step.column.index), count: step.count });
    case 'fix':
      return translate(lang, 'history.fix', { detail: ruleById(step.rule)?.meta.title[lang] ?? '' });
    case 'fixAll':
      return translate(lang, 'history.fixAll');
    case 'meta':
      return translate(lang, 'history.meta');
    case 'thousands':
      return translate(lang, 'history.thousands', { sheet: step.sheet });
    case 'bookMeta':
      return translate(lang, 'history.bookMeta');
    case 'structure':
      // Structure corrections are recipe steps, not commands, unless a recipe replays them.
      return translate(lang, 'recipe.step.structure', { sheet: step.sheet });
  }
}
