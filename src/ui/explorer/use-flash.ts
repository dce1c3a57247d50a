/** The status line's flash: one message at a time, gone after a few seconds (errors stay longer). */
import { useEffect, useRef, useState } from 'react';
import type { Flash } from '../components/status-line.tsx';

/** The current flash and the function that shows one; `atStart` problems (keys.yaml, config.yaml) flash once. */
export function useFlash(atStart: readonly string[] = []): { flash: Flash | undefined; say: (text: string, level?: Flash['level']) => void } {
  const [flash, setFlash] = useState<Flash | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const say = (text: string, level: Flash['level'] = 'info'): void => {
    setFlash({ text, level });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFlash(undefined), level === 'error' ? 8000 : 4000);
  };
  useEffect(() => {
    if (atStart.length > 0) say(`${atStart[0]}${atStart.length > 1 ? ` (+${atStart.length - 1} more: see ? help)` : ''}`, 'error');
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at start-up: this run's config problems
  }, []);
  return { flash, say };
}
