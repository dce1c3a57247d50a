/** The status line's flash: one message at a time, gone after a few seconds (errors stay longer). */
import { useEffect, useRef, useState } from 'react';
import type { Flash } from '../components/status-line.tsx';

/** The current flash and the function that shows one. */
export function useFlash(): { flash: Flash | undefined; say: (text: string, level?: Flash['level']) => void } {
  const [flash, setFlash] = useState<Flash | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const say = (text: string, level: Flash['level'] = 'info'): void => {
    setFlash({ text, level });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFlash(undefined), level === 'error' ? 8000 : 4000);
  };
  return { flash, say };
}
