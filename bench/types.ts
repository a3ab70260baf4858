/** Shared shapes for the benchmark's runners. */

/** The parameters and loss after a run, to check every runner computes the same thing. */
export interface RunResult {
  loss: number;
  w: number;
  b: number;
}

/** Training data: x and y as float32. */
export interface Data {
  x: Float32Array;
  y: Float32Array;
}

/** Trains `steps` SGD steps from w = w0 (b = 0 when `bias`) on `data`. */
export type Run = (data: Data, steps: number, lr: number, bias: boolean, w0: number) => RunResult;
