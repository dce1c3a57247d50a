import type { ChildProcess } from 'node:child_process';
import type { WebSocket } from 'ws';
import { Channel, exitStatus, frame, parseResize, startFailureStatus } from './exec-protocol.ts';
import { killExecProcess, spawnExecProcess, type ExecProcessOptions } from './exec-process.ts';

/** How long a tty session waits for the client's first resize before starting the process. */
const FIRST_RESIZE_WAIT_MS = 150;

/** What an exec request asked for (query parameters of /exec). */
export interface ExecRequest {
  command: string[];
  stdin: boolean;
  tty: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs one exec session over an accepted WebSocket: client frames on channel 0 go to the
 * process's stdin (v5's close frame [255, 0] ends it), its stdout/stderr go out on channels 1/2,
 * and the exit status goes on channel 3 before a normal close (1000).
 */
export function runExecSession(ws: WebSocket, req: ExecRequest): void {
  const v5 = ws.protocol === 'v5.channel.k8s.io';
  let child: ChildProcess | undefined;
  let size: ExecProcessOptions['size'];
  const pendingStdin: Buffer[] = [];
  let stdinClosed = false;
  let finished = false;

  const send = (channel: number, payload: Buffer | string): void => {
    if (ws.readyState === ws.OPEN) ws.send(frame(channel, payload));
  };
  const finish = (status: Record<string, unknown>): void => {
    if (finished) return;
    finished = true;
    send(Channel.error, JSON.stringify(status));
    // Close only after the status frame is flushed, so clients see it before the close frame.
    ws.close(1000);
  };

  const start = (): void => {
    if (child || finished) return;
    const proc = spawnExecProcess({ ...req, size });
    child = proc;
    proc.stdout?.on('data', (d: Buffer) => send(Channel.stdout, d));
    proc.stderr?.on('data', (d: Buffer) => send(req.tty ? Channel.stdout : Channel.stderr, d));
    proc.stdin?.on('error', () => {}); // EPIPE when the process exits before reading stdin.
    for (const chunk of pendingStdin) proc.stdin?.write(chunk);
    if (stdinClosed) proc.stdin?.end();
    proc.once('error', (err) => finish(startFailureStatus(`exec: "${req.command[0]}": ${err.message}`)));
    proc.once('close', (code, signal) => finish(exitStatus(req.command, code ?? (signal ? 137 : 1))));
  };

  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const buf = isBinary ? data : Buffer.from(data);
    if (buf.length === 0) return;
    const channel = buf[0];
    const payload = buf.subarray(1);
    if (channel === Channel.stdin) {
      if (payload.length === 0) return;
      if (child) child.stdin?.write(payload);
      else pendingStdin.push(payload);
    } else if (channel === Channel.resize) {
      if (!child) {
        size = parseResize(payload) ?? size;
        start();
      }
    } else if (channel === Channel.close && v5 && payload[0] === Channel.stdin) {
      stdinClosed = true;
      child?.stdin?.end();
    }
  });
  ws.on('close', () => {
    finished = true;
    if (child) killExecProcess(child);
  });
  ws.on('error', () => {});

  if (req.tty) setTimeout(start, FIRST_RESIZE_WAIT_MS).unref();
  else start();
}
