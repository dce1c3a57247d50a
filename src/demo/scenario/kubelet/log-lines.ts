/** Realistic log lines per image style, generated deterministically from (seed, line number, time). */
import { fnv32a } from '../rng.ts';
import type { LogStyle } from './images.ts';

const paths = ['/', '/api/products', '/api/cart', '/api/checkout', '/healthz', '/static/app.js', '/api/orders/1042', '/login', '/metrics'];
const methods = ['GET', 'GET', 'GET', 'POST', 'GET', 'PUT'];
const codes = [200, 200, 200, 200, 201, 304, 404, 200, 500];
const agents = ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36', 'curl/8.5.0', 'kube-probe/1.32', 'Go-http-client/1.1'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function pick<T>(items: readonly T[], h: number, salt: number): T {
  return items[(((h >>> salt) % items.length) + items.length) % items.length] as T;
}

/** The startup lines an image prints when a container starts. */
export function bannerLines(style: LogStyle, name: string): string[] {
  switch (style) {
    case 'nginx':
      return ['/docker-entrypoint.sh: Configuration complete; ready for start up', '2025/01/01 00:00:00 [notice] 1#1: nginx/1.27.3', '2025/01/01 00:00:00 [notice] 1#1: start worker processes'];
    case 'redis':
      return ['1:C 01 Jan 2025 00:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', '1:M 01 Jan 2025 00:00:00.001 * Ready to accept connections tcp'];
    case 'postgres':
      return [
        'PostgreSQL Database directory appears to contain a database; Skipping initialization',
        'LOG:  starting PostgreSQL 16.6 on x86_64-pc-linux-gnu',
        'LOG:  database system is ready to accept connections',
      ];
    case 'json-app':
      return [`{"level":"info","msg":"starting ${name}","version":"2.4.1"}`, '{"level":"info","msg":"listening","addr":":8080"}'];
    case 'batch':
      return ['starting batch run', 'loading input from s3://acme-batch/input/'];
    case 'coredns':
      return ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5', 'CoreDNS-1.11.3'];
    case 'klog':
    case 'fluent-bit':
    case 'prometheus':
    case 'envoy':
    case 'plain':
      return [`${name} starting`];
    case 'flood':
      return [];
    default: {
      const never: never = style;
      return never;
    }
  }
}

/** Line number k of a container instance whose lines are seeded by `seed`. */
export function logLine(style: LogStyle, seed: number, k: number, time: Date, name: string): string {
  const banner = bannerLines(style, name);
  if (k < banner.length) return banner[k] as string;
  const h = fnv32a(`${seed}:${k}`);
  const iso = time.toISOString();
  const ip = `10.244.${h % 4}.${((h >>> 8) % 250) + 2}`;
  switch (style) {
    case 'nginx': {
      const d = `${pad(time.getUTCDate())}/${months[time.getUTCMonth()]}/${time.getUTCFullYear()}:${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}:${pad(time.getUTCSeconds())} +0000`;
      return `${ip} - - [${d}] "${pick(methods, h, 3)} ${pick(paths, h, 7)} HTTP/1.1" ${pick(codes, h, 11)} ${((h >>> 5) % 9000) + 120} "-" "${pick(agents, h, 13)}" "-"`;
    }
    case 'json-app': {
      const level = h % 17 === 0 ? 'warn' : h % 53 === 0 ? 'error' : 'info';
      return JSON.stringify({
        level,
        ts: iso,
        caller: 'server/http.go:142',
        msg: level === 'info' ? 'request handled' : 'upstream slow',
        method: pick(methods, h, 3),
        path: pick(paths, h, 7),
        status: pick(codes, h, 11),
        duration_ms: (h >>> 9) % 250,
        trace_id: ((h * 2654435761) >>> 0).toString(16),
      });
    }
    case 'redis':
      return `1:M ${pad(time.getUTCDate())} ${months[time.getUTCMonth()]} ${time.getUTCFullYear()} ${iso.slice(11, 23)} * ${h % 3 === 0 ? 'Background saving started by pid 42' : `${((h >>> 4) % 100) + 1} changes in 60 seconds. Saving...`}`;
    case 'postgres':
      return `${iso.slice(0, 10)} ${iso.slice(11, 23)} UTC [${(h % 900) + 60}] LOG:  ${h % 4 === 0 ? `checkpoint complete: wrote ${(h >>> 3) % 400} buffers (${((h >>> 6) % 30) / 10}%)` : 'checkpoint starting: time'}`;
    case 'coredns':
      return `[INFO] ${ip}:${40000 + (h % 20000)} - ${h % 65535} "A IN ${pick(['api.shop.svc.cluster.local.', 'redis.shop.svc.cluster.local.', 'postgres.payments.svc.cluster.local.', 'example.com.'], h, 5)} udp 60 false 512" NOERROR qr,aa,rd 106 0.000${(h % 900) + 100}s`;
    case 'klog':
      return `I${pad(time.getUTCMonth() + 1)}${pad(time.getUTCDate())} ${iso.slice(11, 23)}000       1 ${pick(['reflector.go:368] Caches populated for *v1.Pod', 'proxier.go:805] "SyncProxyRules complete" elapsed="12.4ms"', 'leaderelection.go:281] successfully renewed lease'], h, 4)}`;
    case 'fluent-bit':
      return `[${iso.slice(0, 19).replace('T', ' ')}] [ info] [output:es:es.0] flushed ${(h % 40) + 1} records`;
    case 'prometheus':
      return `ts=${iso} caller=compact.go:${(h % 600) + 100} level=info component=tsdb msg="write block" mint=${time.getTime() - 7200000} maxt=${time.getTime()} duration=${(h % 900) + 50}ms`;
    case 'envoy':
      return `[${iso}] "${pick(methods, h, 3)} ${pick(paths, h, 7)} HTTP/2" ${pick(codes, h, 11)} - ${(h >>> 5) % 800} ${(h >>> 8) % 4000} ${(h % 90) + 1} "${ip}"`;
    case 'batch':
      return `processed batch ${k - banner.length + 1}: ${(h % 900) + 100} records in ${(h % 2000) + 100}ms`;
    case 'plain':
      return `${iso} ${name}: heartbeat ok (${h % 100} items queued)`;
    case 'flood':
      // at= is the line's write time in ms since the epoch: the benchmark reads it off the screen.
      return `flood seq=${k} at=${time.getTime()} ${pick(paths, h, 7)} status=${pick(codes, h, 11)} bytes=${((h >>> 5) % 9000) + 120}`;
    default: {
      const never: never = style;
      return never;
    }
  }
}

/** The last lines a crashing container prints before exiting with code 1. */
export function crashLines(name: string): string[] {
  return [
    `{"level":"error","msg":"failed to connect to database","error":"dial tcp 10.96.0.45:5432: connect: connection refused","service":"${name}"}`,
    'panic: failed to initialise scorer: dial tcp 10.96.0.45:5432: connect: connection refused',
    '',
    'goroutine 1 [running]:',
    'main.main()',
    '\t/src/cmd/scorer/main.go:57 +0x2a5',
  ];
}
