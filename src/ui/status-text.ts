/** Words for the status line: what a stream is doing, as a person reads it. */
import type { StreamState } from '../kube/stream-types.ts';

const count = new Intl.NumberFormat('en-US');

/** 'syncing 3,400 of 10,000', 'live', 'reconnecting for 12 s: reason', 'forbidden: …', 'failed: …'. */
export function streamStateText(state: StreamState, now: number): string {
  switch (state.phase) {
    case 'connecting':
      return 'connecting…';
    case 'syncing':
      return state.total === undefined
        ? `syncing ${count.format(state.loaded)}…`
        : `syncing ${count.format(state.loaded)} of ${count.format(state.total)}`;
    case 'live':
      return 'live';
    case 'reconnecting': {
      const seconds = Math.max(0, Math.round((now - state.since) / 1000));
      return `reconnecting for ${seconds} s: ${state.reason}`;
    }
    case 'forbidden':
      return `forbidden: ${state.message}`;
    case 'failed':
      return `failed: ${state.reason}`;
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** The tone the status line uses for a stream state. */
export function streamStateTone(state: StreamState): 'ok' | 'info' | 'warn' | 'error' {
  switch (state.phase) {
    case 'live':
      return 'ok';
    case 'connecting':
    case 'syncing':
      return 'info';
    case 'reconnecting':
      return 'warn';
    case 'forbidden':
    case 'failed':
      return 'error';
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** Thousands separators, as the status line prints counts. */
export function formatCount(n: number): string {
  return count.format(n);
}
