/** ExecSession implementations: the built-in shell (interactive with a tty, or one command) and a failed exec. */
import type { ExecSession } from '../../types.ts';
import { Shell, type ShellEnv } from './shell.ts';

/** Buffers output until the API server attaches listeners (it does so after the WebSocket handshake). */
class BufferedSession implements ExecSession {
  private readonly out: ((d: Buffer) => void)[] = [];
  private readonly err: ((d: Buffer) => void)[] = [];
  private readonly exits: ((code: number) => void)[] = [];
  private pendingOut: Buffer[] = [];
  private pendingErr: Buffer[] = [];
  private exitCode: number | undefined;
  protected finished = false;

  write(_data: Buffer): void {}
  resize(_cols: number, _rows: number): void {}
  closeStdin(): void {}

  onStdout(listener: (data: Buffer) => void): void {
    this.out.push(listener);
    for (const b of this.pendingOut) listener(b);
    this.pendingOut = [];
  }

  onStderr(listener: (data: Buffer) => void): void {
    this.err.push(listener);
    for (const b of this.pendingErr) listener(b);
    this.pendingErr = [];
  }

  onExit(listener: (code: number) => void): void {
    this.exits.push(listener);
    const code = this.exitCode;
    if (code !== undefined) queueMicrotask(() => listener(code));
  }

  kill(): void {
    this.finish(137);
  }

  protected stdout(text: string): void {
    if (!text) return;
    const b = Buffer.from(text, 'utf8');
    if (this.out.length) for (const l of this.out) l(b);
    else this.pendingOut.push(b);
  }

  protected stderr(text: string): void {
    if (!text) return;
    const b = Buffer.from(text, 'utf8');
    if (this.err.length) for (const l of this.err) l(b);
    else this.pendingErr.push(b);
  }

  protected finish(code: number): void {
    if (this.finished) return;
    this.finished = true;
    this.exitCode = code;
    for (const l of this.exits) queueMicrotask(() => l(code));
  }
}

/** An exec whose binary does not exist in the image (distroless): the runtime's error, then a non-zero exit. */
export class FailedExec extends BufferedSession {
  constructor(binary: string, tty: boolean) {
    super();
    const message = `OCI runtime exec failed: exec failed: unable to start container process: exec: "${binary}": executable file not found in $PATH: unknown\r\n`;
    if (tty) this.stdout(message);
    else this.stderr(message);
    this.finish(127);
  }
}

/** The built-in shell: interactive (with tty, or `sh` reading stdin) or a single command. */
export class ShellExec extends BufferedSession {
  private readonly shell: Shell;
  private line = '';
  private pendingInput = '';
  private readonly interactive: boolean;

  constructor(
    env: ShellEnv,
    command: string[],
    private readonly tty: boolean,
  ) {
    super();
    this.shell = new Shell(env);
    const bin = (command[0] ?? '').replace(/^\/(usr\/)?bin\//, '');
    this.interactive = (bin === 'sh' || bin === 'bash') && command.length === 1;
    if (this.interactive) {
      if (tty) this.stdout(this.shell.prompt());
      return;
    }
    const r = this.shell.command(command);
    this.emit(r.out, r.err);
    this.finish(r.exit ?? r.code);
  }

  override write(data: Buffer): void {
    if (this.finished || !this.interactive) return;
    const text = this.pendingInput + data.toString('utf8');
    this.pendingInput = '';
    if (!this.tty) {
      const lines = text.split('\n');
      this.pendingInput = lines.pop() ?? '';
      for (const l of lines) if (!this.runLine(l)) return;
      return;
    }
    for (let i = 0; i < text.length && !this.finished; i++) {
      const ch = text[i] as string;
      if (ch === '\x1b') {
        // Skip an escape sequence (arrow keys and friends): no history or cursor movement here.
        const m = /^\x1b\[[0-9;]*[A-Za-z~]|^\x1b./.exec(text.slice(i));
        i += (m?.[0].length ?? 1) - 1;
      } else if (ch === '\r' || ch === '\n') {
        this.stdout('\r\n');
        const line = this.line;
        this.line = '';
        if (this.runLine(line)) this.stdout(this.shell.prompt());
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          this.stdout('\b \b');
        }
      } else if (ch === '\x03') {
        this.line = '';
        this.stdout(`^C\r\n${this.shell.prompt()}`);
      } else if (ch === '\x04') {
        if (this.line === '') {
          this.stdout('exit\r\n');
          this.finish(this.shell.lastCode);
        }
      } else if (ch === '\x15') {
        this.stdout('\b \b'.repeat(this.line.length));
        this.line = '';
      } else if (ch >= ' ') {
        this.line += ch;
        this.stdout(ch);
      }
    }
  }

  override closeStdin(): void {
    if (!this.interactive || this.finished) return;
    if (this.pendingInput && !this.runLine(this.pendingInput)) return;
    this.finish(this.shell.lastCode);
  }

  /** Runs one line; false when it ended the session. */
  private runLine(line: string): boolean {
    const r = this.shell.run(line);
    this.emit(r.out, r.err);
    if (r.exit !== undefined) {
      this.finish(r.exit);
      return false;
    }
    return true;
  }

  private emit(out: string, err: string): void {
    if (this.tty) {
      // A tty merges stderr into stdout and turns \n into \r\n.
      this.stdout((out + err).replace(/\r?\n/g, '\r\n'));
    } else {
      this.stdout(out);
      this.stderr(err);
    }
  }
}
