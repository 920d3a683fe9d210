import { describe, expect, it } from 'vitest';
import { guideReference, guideStepShort } from './messages.ts';
import { RULES } from './registry.ts';

const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

describe('guide references', () => {
  it.each(RULES.map((r) => [r.meta.id, r.meta] as const))('%s: cited in Japanese in the Japanese UI, with no Japanese in the English one', (_id, meta) => {
    expect(guideReference(meta, 'en')).not.toMatch(JAPANESE);
    expect(guideStepShort(meta, 'en') ?? '').not.toMatch(JAPANESE);
    if (meta.guideRef.guide) expect(guideReference(meta, 'ja')).toContain(meta.guideRef.guide);
  });

  it('the short step of a fix button', () => {
    const meta = RULES.find((r) => r.meta.id === 'units')!.meta;
    expect(guideStepShort(meta, 'ja')).toBe('手順8-9');
    expect(guideStepShort(meta, 'en')).toBe('steps 8–9');
  });
});
