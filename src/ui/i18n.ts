// Message lookup for the two UI languages.
import { en } from './messages/en.ts';
import { type MessageKey, ja } from './messages/ja.ts';

import type { Lang } from '../store/settingsStore.ts';

export type { Lang, MessageKey };

const TABLES: Record<Lang, Record<MessageKey, string>> = { ja, en };

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = TABLES[lang][key] ?? ja[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
