import { describe, expect, it } from 'vitest';
import { memoText } from './memoText.ts';

describe('memoText', () => {
  it('works a short text out once, a long one every time, and forgets all past its limit', () => {
    const calls: string[] = [];
    const f = memoText((t) => {
      calls.push(t);
      return t.length === 0 ? undefined : t.length;
    }, 2, 5);
    expect([f('ab'), f('ab'), f(''), f('')]).toEqual([2, 2, undefined, undefined]);
    expect(calls).toEqual(['ab', '']);
    f('abcdefg');
    f('abcdefg');
    expect(calls.filter((t) => t === 'abcdefg')).toHaveLength(2);
    f('x'); // a third short text: the map was full and starts again
    f('ab');
    expect(calls.filter((t) => t === 'ab')).toHaveLength(2);
  });
});
