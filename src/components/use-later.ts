import { useEffect, useState } from 'react';

/**
 * `value`, one task later. Each chart redraws in its own task this way, so two charts
 * updating together cost two short tasks instead of one long one.
 */
export function useLater<T>(value: T): T {
  const [later, setLater] = useState(() => value);
  useEffect(() => {
    const t = setTimeout(() => setLater(() => value), 0);
    return () => clearTimeout(t);
  }, [value]);
  return later;
}
