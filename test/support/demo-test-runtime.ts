/** A tiny PodRuntime for the demo server's tests: scripted log lines and an exec that echoes. */
import { EventEmitter } from 'node:events';
import { DemoApiError, type ExecSession, type LogLine, type LogSource, type PodRuntime } from '../../src/demo/types.ts';

/** A log the test writes to by hand. */
export class TestLog implements LogSource {
  private readonly lines: LogLine[] = [];
  private readonly events = new EventEmitter();
  private done = false;

  write(text: string, time = new Date()): void {
    const line = { time, text };
    this.lines.push(line);
    this.events.emit('line', line);
  }

  end(): void {
    this.done = true;
    this.events.emit('end');
  }

  history(): LogLine[] {
    return [...this.lines];
  }

  follow(listener: (line: LogLine) => void): () => void {
    this.events.on('line', listener);
    return () => this.events.off('line', listener);
  }

  onEnd(listener: () => void): () => void {
    this.events.on('end', listener);
    return () => this.events.off('end', listener);
  }

  ended(): boolean {
    return this.done;
  }
}

/** Runs a command: `echo ARGS`, `cat` (echoes stdin until closed), `sh -c 'exit N'`, `stderr TEXT`, anything else exits 127. */
class TestExec implements ExecSession {
  private readonly events = new EventEmitter();
  constructor(private readonly command: string[]) {
    setImmediate(() => this.start());
  }

  private start(): void {
    const [cmd, ...args] = this.command;
    if (cmd === 'echo') {
      this.events.emit('stdout', Buffer.from(`${args.join(' ')}\n`));
      this.exit(0);
    } else if (cmd === 'stderr') {
      this.events.emit('stderr', Buffer.from(`${args.join(' ')}\n`));
      this.exit(0);
    } else if (cmd === 'sh' && args[0] === '-c' && /^exit \d+$/.test(args[1] ?? '')) {
      this.exit(Number((args[1] as string).slice(5)));
    } else if (cmd !== 'cat') {
      this.events.emit('stderr', Buffer.from(`${cmd}: not found\n`));
      this.exit(127);
    }
  }

  private exited = false;
  private exit(code: number): void {
    if (this.exited) return;
    this.exited = true;
    this.events.emit('exit', code);
  }

  write(data: Buffer): void {
    if (this.command[0] === 'cat') this.events.emit('stdout', data);
  }
  resize(cols: number, rows: number): void {
    this.events.emit('stdout', Buffer.from(`resized ${cols}x${rows}\n`));
  }
  onStdout(listener: (data: Buffer) => void): void {
    this.events.on('stdout', listener);
  }
  onStderr(listener: (data: Buffer) => void): void {
    this.events.on('stderr', listener);
  }
  onExit(listener: (code: number) => void): void {
    this.events.on('exit', listener);
  }
  kill(): void {
    this.exit(137);
  }
  closeStdin(): void {
    this.exit(0);
  }
}

/** The test kubelet: logs are TestLogs keyed by namespace/pod/container(/previous). */
export class TestRuntime implements PodRuntime {
  readonly logsByKey = new Map<string, TestLog>();
  readonly execs: string[][] = [];

  log(namespace: string, pod: string, container: string, previous = false): TestLog {
    const key = `${namespace}/${pod}/${container}${previous ? '/previous' : ''}`;
    let l = this.logsByKey.get(key);
    if (!l) {
      l = new TestLog();
      this.logsByKey.set(key, l);
    }
    return l;
  }

  logs(req: { namespace: string; pod: string; container: string; previous: boolean }): LogSource {
    const key = `${req.namespace}/${req.pod}/${req.container}${req.previous ? '/previous' : ''}`;
    const l = this.logsByKey.get(key);
    if (!l) {
      if (req.previous) throw new DemoApiError(400, 'BadRequest', `previous terminated container "${req.container}" in pod "${req.pod}" not found`);
      throw new DemoApiError(400, 'BadRequest', `container "${req.container}" in pod "${req.pod}" is waiting to start: ContainerCreating`);
    }
    return l;
  }

  exec(req: { namespace: string; pod: string; container: string; command: string[]; tty: boolean }): ExecSession {
    this.execs.push(req.command);
    return new TestExec(req.command);
  }
}
