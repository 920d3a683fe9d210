import { expect, it } from 'vitest';
import { withoutLayoutSpaces } from './layoutSpaces.ts';

it.each([
  ['市　内　総　生　産　(生産側）', '市内総生産(生産側）'],
  ['４．生産・輸入品に課される税　（控除）補助金', '４．生産・輸入品に課される税（控除）補助金'],
  ['CI指数 (H17=100)', 'CI指数 (H17=100)'],
  ['Composite Indexes (2005=100)', 'Composite Indexes (2005=100)'],
])('%j → %j', (text, fixed) => expect(withoutLayoutSpaces(text)).toBe(fixed));
