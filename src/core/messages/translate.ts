// The core's catalogue, for the CLI and the rule texts the core writes (the UI translates
// with its own catalogue, which includes this one).
import { en } from './en.ts';
import { type CoreMessageKey, ja } from './ja.ts';
import { translator } from './template.ts';

export type { CoreMessageKey };

export const translate = translator<CoreMessageKey>({ ja, en });
