/** The data a contour map draws: losses on a (w, b) grid and the descent path over it. */

/** Losses on a grid: `losses[j][i]` is the loss at weight `ws[i]` and bias `bs[j]`. */
export interface ContourGrid {
  ws: number[];
  bs: number[];
  losses: number[][];
}

/** One state of the descent: its step, where it stood and the loss there. */
export interface PathPoint {
  step: number;
  w: number;
  b: number;
  loss: number;
}
