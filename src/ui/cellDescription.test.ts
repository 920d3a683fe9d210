import { describe, expect, it } from 'vitest';
import { clipText } from './cellDescription.ts';

const note = (count: string) => `…(全 ${count} 文字)`;

describe('clipText', () => {
  it('leaves text up to the limit alone', () => {
    expect(clipText('あ'.repeat(10), note, 10)).toBe('あ'.repeat(10));
  });
  it('cuts longer text and says how long it was', () => {
    expect(clipText('x'.repeat(1_000_001), note)).toBe('x'.repeat(1000) + '…(全 1,000,001 文字)');
  });
  it('never leaves half a surrogate pair at the cut', () => {
    const text = 'a'.repeat(9) + '𠮷' + 'b'.repeat(5);
    const clipped = clipText(text, note, 10);
    expect(clipped).toBe('a'.repeat(9) + '…(全 16 文字)');
    expect(clipped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
