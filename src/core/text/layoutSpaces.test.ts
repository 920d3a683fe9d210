import { expect, it } from 'vitest';
import { withoutLayoutSpaces } from './layoutSpaces.ts';

it.each([
  ['市　内　総　生　産　(生産側）', '市内総生産(生産側）'],
  ['４．生産・輸入品に課される税　（控除）補助金', '４．生産・輸入品に課される税（控除）補助金'],
  ['CI指数 (H17=100)', 'CI指数 (H17=100)'],
  ['Composite Indexes (2005=100)', 'Composite Indexes (2005=100)'],
  ['CI指数 (2005=100) 先行指数', 'CI指数 (2005=100) 先行指数'],
])('%j → %j', (text, fixed) => expect(withoutLayoutSpaces(text)).toBe(fixed));

it('removing layout spaces twice changes nothing the second time', () => {
  for (const t of ['全　(\n全', '市　内　(生産側）', '（控除）　補助金', 'a　(\nb']) {
    const once = withoutLayoutSpaces(t);
    expect(withoutLayoutSpaces(once), JSON.stringify(t)).toBe(once);
  }
});
