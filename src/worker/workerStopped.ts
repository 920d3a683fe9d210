/** A call made to a worker that was stopped (Cancel) or died: it will never answer. */
export class WorkerStopped extends Error {
  constructor(readonly reason: 'cancelled' | 'crashed') {
    super(reason === 'cancelled' ? 'the read was cancelled' : 'the worker stopped unexpectedly');
    this.name = 'WorkerStopped';
  }
}
