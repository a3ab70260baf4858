import { useEffect, useState } from 'react';

// Heavy widgets (a recharts chart mounts in tens of milliseconds) wait for their turn: one
// mounts per task, so opening a page with four charts is four short tasks, not one long one.
const waiting: (() => void)[] = [];
let scheduled = false;

function next(): void {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(next, 0);
}

/** False until this component's turn has come (in a later task than its first render), then true. */
export function useTurn(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    let live = true;
    waiting.push(() => { if (live) setReady(true); });
    schedule();
    return () => { live = false; };
  }, [ready]);
  return ready;
}
