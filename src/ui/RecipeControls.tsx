// Save the cleaning as a recipe, and apply a saved recipe to the open file (next year's
// edition). Steps that do not fit the new file are listed, never dropped in silence.
import { useRef, useState } from 'react';
import { baseName } from '../core/io/read.ts';
import { type ReplayedStep, RecipeError, parseRecipe, serializeRecipe } from '../core/recipe.ts';
import { ruleById } from '../core/rules/registry.ts';
import { safeFileName } from '../store/documentStore.ts';
import { useDoc, useDocumentStore, useLang, useT } from './context.ts';
import { saveBytes } from './download.ts';
import { SKIP_KEYS } from './messageKeys.ts';

export function RecipeButtons({ onReport }: { onReport: (r: RecipeReportData) => void }) {
  const t = useT();
  const store = useDocumentStore();
  const input = useRef<HTMLInputElement>(null);
  const hasDoc = useDoc((s) => s.workbook !== null);
  const busy = useDoc((s) => s.loading !== null || s.fixing);

  const save = () => {
    const recipe = store.getState().recipe();
    if (!recipe) return;
    saveBytes(`${safeFileName(baseName(recipe.source.name))}.recipe.json`, new TextEncoder().encode(serializeRecipe(recipe)), 'application/json');
  };

  const load = async (file: File) => {
    let recipe;
    try {
      recipe = parseRecipe(await file.text());
    } catch (e) {
      onReport({ fileName: file.name, error: e instanceof RecipeError ? `${e.path}: ${e.reason}` : String(e) });
      return;
    }
    const steps = await store.getState().applyRecipe(recipe);
    if (steps) onReport({ fileName: file.name, steps });
  };

  return (
    <>
      <button type="button" onClick={save} disabled={!hasDoc || busy} title={t('recipe.saveTitle')}>
        {t('recipe.save')}
      </button>
      <button type="button" onClick={() => input.current?.click()} disabled={!hasDoc || busy} title={t('recipe.applyTitle')}>
        {t('recipe.apply')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        aria-hidden="true"
        tabIndex={-1}
        data-testid="recipe-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void load(file);
        }}
      />
    </>
  );
}

export interface RecipeReportData {
  fileName: string;
  error?: string;
  steps?: ReplayedStep[];
}

function stepLabel(step: ReplayedStep['step'], lang: 'ja' | 'en', t: ReturnType<typeof useT>): string {
  switch (step.kind) {
    case 'fix':
      return t('recipe.step.fix', { rule: ruleById(step.rule)?.meta.title[lang] ?? step.rule, sheet: step.sheet });
    case 'fixAll':
      return t('recipe.step.fixAll');
    case 'edit':
      return t('recipe.step.edit', { sheet: step.sheet, row: step.row.key?.join(' / ') ?? String(step.row.index + 1), column: step.column.title ?? String(step.column.index + 1) });
    case 'paste':
      return t('recipe.step.paste', { sheet: step.sheet, count: step.cells.length });
    case 'replace':
      return t('recipe.step.replace', { sheet: step.sheet, find: step.find, replace: step.replace });
    case 'rows':
      return t(step.op === 'insert' ? 'recipe.step.rowsInsert' : 'recipe.step.rowsDelete', { sheet: step.sheet, row: step.row.key?.join(' / ') ?? String(step.row.index + 1), count: step.count });
    case 'columns':
      return t(step.op === 'insert' ? 'recipe.step.columnsInsert' : 'recipe.step.columnsDelete', { sheet: step.sheet, column: step.column.title ?? String(step.column.index + 1), count: step.count });
    case 'meta':
      return t('recipe.step.meta', { sheet: step.sheet, fields: Object.keys(step.patch).join(', ') });
    case 'structure':
      return t('recipe.step.structure', { sheet: step.sheet });
    case 'bookMeta':
      return t('recipe.step.bookMeta', { fields: Object.keys(step.patch).join(', ') });
    case 'thousands':
      return t('recipe.step.thousands', { sheet: step.sheet, count: step.repairs.length });
  }
}

export function RecipeReport({ report, onClose }: { report: RecipeReportData; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  if (report.error) {
    return (
      <div role="alert" className="alert error">
        <div>
          <strong>{t('recipe.invalid', { file: report.fileName })}</strong>
          {lang === 'ja' ? '' : ' '}
          <code>{report.error}</code>
        </div>
        <button type="button" onClick={onClose}>
          {t('error.dismiss')}
        </button>
      </div>
    );
  }
  const steps = report.steps ?? [];
  const skipped = steps.filter((s) => s.outcome.status === 'skipped');
  return (
    <div role="status" className="alert recipe-report" data-testid="recipe-report">
      <div>
        <strong>{t('recipe.done', { file: report.fileName, applied: steps.length - skipped.length, total: steps.length })}</strong>
        {skipped.length > 0 && (
          <ul>
            {skipped.map((s, i) => (
              <li key={i}>
                {stepLabel(s.step, lang, t)}: {t(SKIP_KEYS[s.outcome.status === 'skipped' ? s.outcome.reason : 'unchanged'])}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" onClick={onClose}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}

export function useRecipeReport() {
  return useState<RecipeReportData | null>(null);
}
