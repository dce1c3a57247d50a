import { request } from 'node:https';

/** One decoded watch event. */
export interface RawWatchEvent {
  type: string;
  object: { kind?: string; code?: number; reason?: string; metadata?: { name?: string; resourceVersion?: string } };
}

/**
 * Opens a raw watch (`?watch=1&resourceVersion=rv`) with a bearer token and collects events
 * until `stopWhen` says so, the server ends the stream, or `timeoutMs` passes.
 */
export function collectWatch(url: string, token: string, stopWhen: (events: RawWatchEvent[]) => boolean, timeoutMs = 10_000): Promise<RawWatchEvent[]> {
  return new Promise((resolve, reject) => {
    const events: RawWatchEvent[] = [];
    let buffer = '';
    const req = request(url, { headers: { Authorization: `Bearer ${token}` }, rejectUnauthorized: false }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (line) events.push(JSON.parse(line) as RawWatchEvent);
        }
        if (stopWhen(events)) req.destroy();
      });
      res.on('close', () => resolve(events));
    });
    req.on('error', (err) => (req.destroyed ? resolve(events) : reject(err)));
    req.setTimeout(timeoutMs, () => req.destroy());
    req.end();
  });
}
