/**
 * A container's own stdio, as pods/attach reaches it: an interactive main process (a shell, for a
 * container started with stdin) whose output every attached client sees, or, for any other
 * container, what it writes to its log from now on. Detaching leaves the process running.
 */
import type { ExecSession, LogSource } from '../../types.ts';
import { ShellExec } from './exec-session.ts';
import type { ShellEnv } from './shell.ts';

/** What an attachment does with the client's input and detach. */
interface AttachmentHooks {
  write?(data: Buffer): void;
  resize?(cols: number, rows: number): void;
  detach(): void;
}

/** One client attached to a container: output it missed before listening is buffered. */
export class Attachment implements ExecSession {
  private readonly out: ((data: Buffer) => void)[] = [];
  private readonly exits: ((code: number) => void)[] = [];
  private pending: Buffer[] = [];
  private exitCode: number | undefined;

  constructor(private readonly hooks: AttachmentHooks) {}

  write(data: Buffer): void {
    if (this.exitCode === undefined) this.hooks.write?.(data);
  }

  resize(cols: number, rows: number): void {
    this.hooks.resize?.(cols, rows);
  }

  onStdout(listener: (data: Buffer) => void): void {
    this.out.push(listener);
    for (const b of this.pending) listener(b);
    this.pending = [];
  }

  // The demo's containers write everything to stdout (a tty merges the two anyway).
  onStderr(_listener: (data: Buffer) => void): void {}

  onExit(listener: (code: number) => void): void {
    this.exits.push(listener);
    const code = this.exitCode;
    if (code !== undefined) queueMicrotask(() => listener(code));
  }

  /** The client went away: detach, the container keeps running. */
  kill(): void {
    this.hooks.detach();
  }

  /** Output of the container. */
  output(data: Buffer): void {
    if (this.exitCode !== undefined) return;
    if (this.out.length) for (const l of this.out) l(data);
    else this.pending.push(data);
  }

  /** The container's output ended (its process exited). */
  end(code: number): void {
    if (this.exitCode !== undefined) return;
    this.exitCode = code;
    for (const l of this.exits) queueMicrotask(() => l(code));
  }
}

/** An interactive main process (the demo's shell) shared by every client attached to the container. */
export class MainShell {
  private readonly shell: ShellExec;
  private readonly attached = new Set<Attachment>();
  private stopped = false;

  constructor(env: ShellEnv, tty: boolean, onExit: (code: number) => void) {
    this.shell = new ShellExec(env, [env.shell], tty);
    // The first prompt was written before anyone attached, as in a real container: it is lost.
    this.shell.onStdout((data) => this.broadcast(data));
    this.shell.onStderr((data) => this.broadcast(data));
    this.shell.onExit((code) => {
      for (const a of this.attached) a.end(code);
      this.attached.clear();
      // Stopped from outside (the pod went): nothing to restart.
      if (!this.stopped) onExit(code);
    });
  }

  /** A new client; its input reaches the shell only when it asked for stdin. */
  attach(stdin: boolean): Attachment {
    const a: Attachment = new Attachment({
      ...(stdin ? { write: (data: Buffer) => this.shell.write(data) } : {}),
      resize: (cols, rows) => this.shell.resize(cols, rows),
      detach: () => this.attached.delete(a),
    });
    this.attached.add(a);
    return a;
  }

  /** The container stopped (deleted, restarted): its clients' sessions end. */
  stop(): void {
    this.stopped = true;
    this.shell.kill();
  }

  private broadcast(data: Buffer): void {
    for (const a of this.attached) a.output(data);
  }
}

/** A client attached to a container without an interactive main process: the log lines it writes from now on. */
export function logAttachment(log: LogSource & { end?: () => void }, tty: boolean): Attachment {
  const eol = tty ? '\r\n' : '\n';
  let unfollow = (): void => {};
  const a = new Attachment({
    // Input reaches a process that does not read it: dropped, as a runtime does.
    detach: () => {
      unfollow();
      // This log instance serves this client only: end it so the runtime forgets it.
      log.end?.();
    },
  });
  unfollow = log.follow((line) => a.output(Buffer.from(`${line.text}${eol}`, 'utf8')));
  log.onEnd(() => a.end(0));
  if (log.ended()) a.end(0);
  return a;
}
