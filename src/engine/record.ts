/**
 * Which tapes are recording. An op that ran offers itself here; every tape inside `record`
 * keeps it if one of its inputs is watched. Ops import this module and not the tape, so the
 * tape can use the ops (its sweep does) without an import cycle.
 */
import type { OpDef } from './op.ts';
import type { Tensor } from './tensor.ts';

/** What a recording tape does with an op that ran (GradientTape implements it). */
export interface Recorder {
  /** Keeps the op when one of its inputs is watched; mutates the recorder only. */
  offer(op: OpDef, a: Tensor, b: Tensor | null, output: Tensor, attrs: unknown): void;
}

/** Tapes currently inside `record`, innermost last. */
const active: Recorder[] = [];

/** True when at least one tape is recording (ops skip all bookkeeping otherwise). */
export function isRecording(): boolean {
  return active.length !== 0;
}

/** Offers an op that just ran (inputs a and, for a binary op, b) to every recording tape. */
export function recordOp(op: OpDef, a: Tensor, b: Tensor | null, output: Tensor, attrs: unknown): void {
  for (let i = 0; i < active.length; i++) active[i].offer(op, a, b, output, attrs);
}

/** Puts `r` on the stack of recording tapes (innermost last). */
export function begin(r: Recorder): void {
  active.push(r);
}

/** Takes `r` off the stack, wherever it is (a tape may end inside another's record). */
export function end(r: Recorder): void {
  if (active[active.length - 1] === r) active.pop();
  else if (active.lastIndexOf(r) >= 0) active.splice(active.lastIndexOf(r), 1);
}

/** Takes `r` off the stack (a tape does not record its own sweep); returns where it was, or −1. */
export function pause(r: Recorder): number {
  const at = active.length === 0 ? -1 : active.indexOf(r);
  if (at >= 0) active.splice(at, 1);
  return at;
}

/** Puts `r` back where `pause` took it from. */
export function resume(r: Recorder, at: number): void {
  if (at >= 0) active.splice(at, 0, r);
}

/** Runs fn with no tape recording (the stack is put back after). */
export function unrecorded<T>(fn: () => T): T {
  const saved = active.splice(0);
  try {
    return fn();
  } finally {
    active.push(...saved);
  }
}
