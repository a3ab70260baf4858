/** The lesson's own failures (bad matrix, bad data), naming the function like EngineError names the op. */
export class ReduceError extends Error {
  readonly name = 'ReduceError';
  constructor(
    readonly where: string,
    detail: string,
  ) {
    super(`${where}: ${detail}`);
  }
}
