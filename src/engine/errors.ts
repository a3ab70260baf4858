/**
 * The one error type the engine throws. `op` names the operation that refused its inputs
 * (e.g. 'mul', 'matmul', 'gradient'); the message repeats it together with the offending
 * shapes or dtypes, so a learner sees what went wrong without a stack trace.
 */
export class EngineError extends Error {
  /** The operation that failed, as it appears in the tape trace ('add', 'reshape', …). */
  readonly op: string;

  constructor(op: string, message: string) {
    super(`${op}: ${message}`);
    this.name = 'EngineError';
    this.op = op;
  }
}

/** Formats a shape the way numpy prints it: [2,3] → "[2, 3]", scalar → "[]". */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
