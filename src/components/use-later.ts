import { useEffect, useState } from 'react';

/**
 * `value`, one task later: parts of a page that redraw from it do so in their own task,
 * after whatever redrew from `value` directly.
 */
export function useLater<T>(value: T): T {
  const [later, setLater] = useState(() => value);
  useEffect(() => {
    const t = setTimeout(() => setLater(() => value), 0);
    return () => clearTimeout(t);
  }, [value]);
  return later;
}
