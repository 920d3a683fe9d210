import { describe, expect, it } from 'vitest';
import { joinNotes } from './cellNote.ts';

describe('joinNotes', () => {
  it('joinNotes adds each part once', () => {
    expect(joinNotes(undefined, [])).toBeUndefined();
    expect(joinNotes(undefined, ['約'])).toBe('約');
    expect(joinNotes('a)', ['約', 'a)'])).toBe('a) 約');
  });
});
