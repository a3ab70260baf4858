/**
 * The elementwise ops' codes: one enumeration, one value per op, so a code alone names the op
 * (the kernels switch on it; a lazy node keeps it).
 */
export enum Op {
  Add,
  Sub,
  Mul,
  Div,
  Neg,
  Square,
  Pow,
  Exp,
  Log,
  Sqrt,
  Abs,
  Relu,
  Sigmoid,
  Tanh,
  Sign,
  Step,
}
