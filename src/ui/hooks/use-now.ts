/** A clock for cells that age (AGE, 'restarted 5m ago'), ticking only as often as it needs to. */
import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs` (default 1 s). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
