/**
 * The kubelet's WebSocket port-forward (v4.channel.k8s.io, v4.base64.channel.k8s.io): two
 * channels per requested port (data 2i, error 2i+1), each opened by the port as a little-endian
 * uint16; one connection to the pod per port, and the WebSocket closes when they are all done.
 */
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import type { PortDialer } from './portforward-spdy.ts';

/** Serves the requested ports on an accepted WebSocket; `base64` for the text variant. */
export function servePortForwardChannels(ws: WebSocket, ports: number[], dial: PortDialer, base64: boolean): void {
  const send = (channel: number, data: Buffer): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (base64) ws.send(String.fromCharCode(48 + channel) + data.toString('base64'));
    else ws.send(Buffer.concat([Buffer.from([channel]), data]));
  };
  const pods: (Duplex | undefined)[] = [];
  let open = ports.length;
  const done = (): void => {
    if (--open === 0 && ws.readyState === ws.OPEN) ws.close(1000);
  };
  ports.forEach((port, i) => {
    const prefix = Buffer.alloc(2);
    prefix.writeUInt16LE(port);
    send(2 * i, prefix);
    send(2 * i + 1, prefix);
    let pod: Duplex;
    try {
      pod = dial(port);
    } catch (err) {
      send(2 * i + 1, Buffer.from(err instanceof Error ? err.message : String(err)));
      done();
      return;
    }
    pods[i] = pod;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      done();
    };
    pod.on('data', (chunk: Buffer) => send(2 * i, chunk));
    pod.on('end', finish);
    pod.on('close', finish);
    pod.on('error', finish);
  });
  ws.on('message', (raw: RawData, isBinary: boolean) => {
    const buf = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw as ArrayBuffer);
    if (buf.length === 0) return;
    const channel = isBinary ? (buf[0] as number) : (buf[0] as number) - 48;
    const payload = isBinary ? buf.subarray(1) : Buffer.from(buf.subarray(1).toString('latin1'), 'base64');
    // Only data channels carry input; the error channels are write-only.
    if (channel % 2 !== 0 || payload.length === 0) return;
    pods[channel / 2]?.write(payload);
  });
  ws.on('close', () => {
    for (const pod of pods) pod?.destroy();
  });
  ws.on('error', () => ws.terminate());
}
