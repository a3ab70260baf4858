import { ours } from './ours.ts';
import { hand } from './hand.ts';
import { negatorData } from './stats.ts';
const d = negatorData(1e5);
const bias = process.argv[2] === 'b';
for (let r = 0; r < 5; r++) {
  let t0 = performance.now(); ours(d, 50, 0.01, bias, 0.5); const a = (performance.now() - t0) / 50;
  t0 = performance.now(); hand(d, 50, 0.01, bias, 0.5); const h = (performance.now() - t0) / 50;
  console.log(bias, a.toFixed(3), h.toFixed(3), (a / h).toFixed(2));
}
