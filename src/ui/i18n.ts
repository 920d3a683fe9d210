// Message lookup for the two UI languages: the UI's catalogue (which includes the core's)
// through the core's one template function.
import { type MessageParams, translator } from '../core/messages/template.ts';
import { en } from './messages/en.ts';
import { type MessageKey, ja } from './messages/ja.ts';

import type { Lang } from '../store/settingsStore.ts';

export type { Lang, MessageKey };

export type Params = MessageParams;

// Made when the app starts: the first use of Intl for a locale costs ~15 ms (ICU data),
// which would otherwise fall on the frame that first shows a file.
const COUNT_FORMAT = new Intl.NumberFormat('ja-JP');

/** A count with thousands separators (1,234,567), as both languages write it. */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

export const translate = translator<MessageKey>({ ja, en });
