// Progress reports from long reads: which phase, and how far when that is known.
export type ProgressPhase = 'decode' | 'parse' | 'convert' | 'analyse';

export interface Progress {
  phase: ProgressPhase;
  /** Units done and total (bytes, characters or rows); absent when the phase cannot tell. */
  done?: number;
  total?: number;
  /** How far the whole read is (0–1), where the reader can tell. */
  overall?: number;
}

export type ProgressFn = (p: Progress) => void;
