import { request } from 'node:https';

/** When things happened on one raw watch, in ms from the request. */
export interface WatchTiming {
  status: number;
  headersAt: number;
  /** Every event line: its type, its resourceVersion and when it arrived. */
  events: { type: string; resourceVersion: string | undefined; at: number }[];
  /** When the server ended the response (undefined: it was still open at `limitMs`). */
  closedAt: number | undefined;
}

/** Opens a raw watch at `url` and records when the headers, each event and the end arrive, for at most `limitMs`. */
export function timeWatch(url: string, token: string, limitMs: number): Promise<WatchTiming> {
  const start = Date.now();
  const timing: WatchTiming = { status: 0, headersAt: 0, events: [], closedAt: undefined };
  return new Promise((resolve, reject) => {
    let buffer = '';
    const req = request(url, { headers: { Authorization: `Bearer ${token}` }, rejectUnauthorized: false }, (res) => {
      timing.status = res.statusCode ?? 0;
      timing.headersAt = Date.now() - start;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (!line) continue;
          const ev = JSON.parse(line) as { type: string; object?: { metadata?: { resourceVersion?: string } } };
          timing.events.push({ type: ev.type, resourceVersion: ev.object?.metadata?.resourceVersion, at: Date.now() - start });
        }
      });
      res.on('end', () => {
        timing.closedAt = Date.now() - start;
        clearTimeout(timer);
        resolve(timing);
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(timing);
    }, limitMs);
    req.on('error', (err) => (req.destroyed ? resolve(timing) : reject(err)));
    req.end();
  });
}
