// Message lookup for the two UI languages.
import { en } from './messages/en.ts';
import { type MessageKey, ja } from './messages/ja.ts';

import type { Lang } from '../store/settingsStore.ts';

export type { Lang, MessageKey };

const TABLES: Record<Lang, Record<MessageKey, string>> = { ja, en };

export type Params = Record<string, string | number>;

// Made when the app starts: the first use of Intl for a locale costs ~15 ms (ICU data),
// which would otherwise fall on the frame that first shows a file.
const COUNT_FORMAT = new Intl.NumberFormat('ja-JP');

/** A count with thousands separators (1,234,567), as both languages write it. */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = TABLES[lang][key] ?? ja[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
