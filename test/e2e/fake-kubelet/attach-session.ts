import type { WebSocket } from 'ws';
import { Channel, frame } from './exec-protocol.ts';
import { formatLines, linesBetween, LOG_INTERVAL_MS } from './log-lines.ts';
import type { ContainerRun, PodRun } from './pod-runtime.ts';

/** What an attach request asked for (query parameters of /attach). */
export interface AttachRequest {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

/** Every attached session's stdout writer, per container: the container's one stdio is shared by all of them. */
const attached = new Map<string, Set<(text: string) => void>>();

/**
 * Runs one attach session over an accepted WebSocket, as if wired to the container's own stdio:
 * the container's output from now on (its log lines) on channel 1, and each line read on stdin
 * echoed back as `echo: LINE` to every session attached to the container. When the container
 * exits the status goes on channel 3 and the socket closes; a client closing it just detaches.
 */
export function runAttachSession(ws: WebSocket, pod: PodRun, run: ContainerRun, req: AttachRequest): void {
  const key = `${pod.uid}/${run.name}`;
  const inst = run.current;
  const owner = { pod: pod.name, container: run.name };
  const send = (channel: number, payload: string): void => {
    if (ws.readyState === ws.OPEN) ws.send(frame(channel, payload));
  };
  const out = (text: string): void => {
    if (req.stdout) send(Channel.stdout, text);
  };
  const peers = attached.get(key) ?? new Set();
  attached.set(key, peers);
  peers.add(out);
  let since = Date.now();
  let pending = '';
  const timer = setInterval(() => {
    if (!inst) return;
    const now = Date.now();
    out(formatLines(linesBetween(owner, inst, since, now), false));
    since = now;
    if (inst.finishedAt !== undefined && inst.finishedAt <= now) {
      send(Channel.error, JSON.stringify({ metadata: {}, status: 'Success' }));
      ws.close(1000);
    }
  }, LOG_INTERVAL_MS / 2);
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const buf = isBinary ? data : Buffer.from(data);
    if (buf[0] !== Channel.stdin || !req.stdin) return;
    pending += buf.subarray(1).toString('utf8').replaceAll('\r', '\n');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line) for (const peer of peers) peer(`echo: ${line}\n`);
  });
  ws.on('close', () => {
    clearInterval(timer);
    peers.delete(out);
    if (peers.size === 0) attached.delete(key);
  });
  ws.on('error', () => {});
}
