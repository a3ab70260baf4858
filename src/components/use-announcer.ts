import { useEffect, useRef, useState } from 'react';

/**
 * `text` as a live region should read it: at most one change every `minMs`, always ending on
 * the latest text. Empty while `enabled` is false.
 */
export function useThrottledText(text: string, enabled: boolean, minMs = 1000): string {
  const [said, setSaid] = useState('');
  const last = useRef(-Infinity);
  useEffect(() => {
    if (!enabled) return;
    // Always through a timer (0 ms when allowed now), so the region changes outside render.
    const wait = Math.max(0, last.current + minMs - Date.now());
    const t = setTimeout(() => {
      last.current = Date.now();
      setSaid(text);
    }, wait);
    return () => clearTimeout(t);
  }, [text, enabled, minMs]);
  return enabled ? said : '';
}
