/** A tiny POSIX-ish shell for demo exec: a few builtins over a fake filesystem; runs one command line at a time. */

/** What the shell knows about the container it runs in. */
export interface ShellEnv {
  shell: 'bash' | 'sh';
  hostname: string;
  env: Record<string, string>;
  files: Record<string, string>;
}

/** The result of one command line. */
export interface ShellResult {
  out: string;
  err: string;
  code: number;
  /** Set when the line asked the shell to exit. */
  exit?: number;
}

const dirs: Record<string, string[]> = {
  '/': ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'run', 'sys', 'tmp', 'usr', 'var'],
  '/bin': ['cat', 'date', 'echo', 'env', 'hostname', 'ls', 'pwd', 'sh', 'sleep'],
  '/etc': ['hostname', 'hosts', 'os-release', 'passwd', 'resolv.conf'],
  '/tmp': [],
  '/root': [],
  '/var': ['log', 'run'],
  '/usr': ['bin', 'lib', 'local', 'share'],
};

/** Splits a command line into words, honouring quotes and $VAR / $? expansion. */
export function words(line: string, env: Record<string, string>, lastCode: number): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '$' && quote === '"') i = expand(line, i, env, lastCode, (s) => (cur += s));
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === ' ' || ch === '\t') {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else if (ch === '$') {
      i = expand(line, i, env, lastCode, (s) => (cur += s));
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
    } else cur += ch;
  }
  if (has || cur) out.push(cur);
  return out;
}

function expand(line: string, i: number, env: Record<string, string>, lastCode: number, put: (s: string) => void): number {
  if (line[i + 1] === '?') {
    put(String(lastCode));
    return i + 1;
  }
  const braced = line[i + 1] === '{';
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i + (braced ? 2 : 1)));
  if (!m) {
    put('$');
    return i;
  }
  put(env[m[0]] ?? '');
  return i + m[0].length + (braced ? 2 : 0);
}

/** Shell state across lines (cwd, last exit code). */
export class Shell {
  cwd = '/';
  lastCode = 0;

  constructor(private readonly env: ShellEnv) {}

  /** The interactive prompt. */
  prompt(): string {
    return this.env.shell === 'bash' ? `root@${this.env.hostname}:${this.cwd}# ` : `${this.cwd} # `;
  }

  /** Runs a line: commands separated by ';', '&&' or '||'. */
  run(line: string): ShellResult {
    const result: ShellResult = { out: '', err: '', code: this.lastCode };
    const parts = line.split(/(;|&&|\|\|)/);
    let op = ';';
    for (const part of parts) {
      if (part === ';' || part === '&&' || part === '||') {
        op = part;
        continue;
      }
      if ((op === '&&' && this.lastCode !== 0) || (op === '||' && this.lastCode === 0)) continue;
      const argv = words(part.trim(), this.env.env, this.lastCode);
      if (argv.length === 0) continue;
      const r = this.command(argv);
      result.out += r.out;
      result.err += r.err;
      this.lastCode = r.code;
      result.code = r.code;
      if (r.exit !== undefined) return { ...result, exit: r.exit };
    }
    return result;
  }

  /** Runs one command (also used for `kubectl exec pod -- echo hi`). */
  command(argv: string[]): ShellResult {
    const [cmd = '', ...args] = argv;
    const ok = (out: string): ShellResult => ({ out, err: '', code: 0 });
    const fail = (err: string, code = 1): ShellResult => ({ out: '', err, code });
    switch (cmd.replace(/^\/(usr\/)?bin\//, '')) {
      case 'echo':
        return args[0] === '-n' ? ok(args.slice(1).join(' ')) : ok(`${args.join(' ')}\n`);
      case 'pwd':
        return ok(`${this.cwd}\n`);
      case 'cd': {
        const to = this.resolve(args[0] ?? '/root');
        if (!dirs[to]) return fail(`${this.env.shell}: cd: ${args[0]}: No such file or directory\n`);
        this.cwd = to;
        return ok('');
      }
      case 'ls': {
        const path = this.resolve(args.find((a) => !a.startsWith('-')) ?? this.cwd);
        const list = dirs[path];
        if (list) return ok(list.length ? `${list.join('\n')}\n` : '');
        if (this.env.files[path] !== undefined) return ok(`${path}\n`);
        return fail(`ls: cannot access '${path}': No such file or directory\n`, 2);
      }
      case 'cat': {
        let out = '';
        for (const a of args) {
          const content = this.env.files[this.resolve(a)];
          if (content === undefined) return { out, err: `cat: ${a}: No such file or directory\n`, code: 1 };
          out += content;
        }
        return ok(out);
      }
      case 'env':
      case 'printenv':
        if (args[0]) return this.env.env[args[0]] !== undefined ? ok(`${this.env.env[args[0]]}\n`) : fail('');
        return ok(
          Object.entries(this.env.env)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''),
        );
      case 'hostname':
        return ok(`${this.env.hostname}\n`);
      case 'whoami':
        return ok('root\n');
      case 'id':
        return ok('uid=0(root) gid=0(root) groups=0(root)\n');
      case 'date':
        return ok(`${new Date().toUTCString().replace('GMT', 'UTC')}\n`);
      case 'uname':
        return ok(args.includes('-a') ? `Linux ${this.env.hostname} 6.8.0-45-generic #45-Ubuntu SMP x86_64 GNU/Linux\n` : 'Linux\n');
      case 'true':
        return ok('');
      case 'false':
        return fail('');
      case 'exit': {
        const code = args[0] !== undefined ? Number.parseInt(args[0], 10) & 255 : this.lastCode;
        return { out: '', err: '', code, exit: Number.isNaN(code) ? 2 : code };
      }
      case 'sh':
      case 'bash':
        if (args[0] === '-c' && args[1] !== undefined) return this.run(args[1]);
        return ok('');
      default:
        return fail(`${this.env.shell}: ${cmd}: command not found\n`, 127);
    }
  }

  private resolve(path: string): string {
    const abs = path.startsWith('/') ? path : `${this.cwd === '/' ? '' : this.cwd}/${path}`;
    const parts: string[] = [];
    for (const p of abs.split('/')) {
      if (!p || p === '.') continue;
      if (p === '..') parts.pop();
      else parts.push(p);
    }
    return `/${parts.join('/')}`;
  }
}
