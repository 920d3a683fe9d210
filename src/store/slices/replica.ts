// The worker's replica of the document. It is kept equal by mirroring every change; when
// it cannot be trusted any more — the worker died and a fresh one took its place, a mirrored
// change failed there, or fix-all's changes could not be applied here — the worker takes
// over the main thread's document again, so what it analyses and exports is what the grid shows.
import type { History } from '../../core/history.ts';
import type { Workbook } from '../../core/model.ts';
import type { StructureOverride } from '../../core/structure/types.ts';
import { WorkerStopped } from '../../worker/workerStopped.ts';
import type { StoreContext } from '../context.ts';
import type { FindingsInternals } from './findings.ts';

interface HeldDocument {
  workbook: Workbook | null;
  history: History;
  overrides: Record<string, StructureOverride[]>;
}

export interface ReplicaInternals {
  /** Gives the worker `doc` (after Cancel, a crash or a failed mirror) and analyses it again. */
  adopt(doc: HeldDocument): Promise<void>;
  /** The worker takes over the document the store holds now; a failure is reported. */
  resync(): Promise<void>;
  /** For a change mirrored to the worker that failed there. */
  mirrorFailed(e: unknown): void;
}

export function replica(ctx: StoreContext, findings: FindingsInternals): ReplicaInternals {
  const adopt = async (doc: HeldDocument) => {
    if (!doc.workbook) return;
    await ctx.session.adopt(doc.workbook, doc.history, Object.values(doc.overrides).flat());
    void findings.analyse(true);
  };

  const resync = async () => {
    await ctx.run('sync', () => adopt(ctx.get()));
  };

  // A worker that died is replaced at once; the read in progress, if any, brings back what
  // was open into the new worker itself.
  ctx.session.onCrash(() => {
    if (ctx.get().loading) return;
    ctx.fail('worker', new WorkerStopped('crashed'));
    void resync();
  });

  return {
    adopt,
    resync,
    mirrorFailed: (e) => {
      // A stopped worker is taken care of where it stopped (Cancel, or the crash above).
      if (e instanceof WorkerStopped) return;
      ctx.fail('mirror', e);
      void resync();
    },
  };
}
