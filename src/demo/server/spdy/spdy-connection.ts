/**
 * The server end of a SPDY/3.1 connection as Kubernetes' httpstream uses it: the client opens
 * streams (SYN_STREAM with headers), the server accepts each with an empty SYN_REPLY, and both
 * sides send data and half-close with FIN. Pings are echoed; there is no flow control (spdystream
 * keeps none either).
 */
import type { Duplex } from 'node:stream';
import { FrameType, HeaderCodec, controlFrame, dataFrame, flagFin, readFrames, words, type Frame } from './spdy-frames.ts';

/** RST_STREAM status codes used here. */
const rstCancel = 5;

/** The largest data frame sent: big enough for throughput, small enough to interleave streams. */
const maxChunk = 32 * 1024;

/** One stream the client opened. */
export interface SpdyStream {
  readonly id: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Sends data to the client. */
  write(data: Buffer): void;
  /** Half-closes the server's side (FIN). */
  end(): void;
  /** Abandons the stream (RST_STREAM). */
  reset(): void;
  onData(listener: (data: Buffer) => void): void;
  /** The client half-closed its side. */
  onEnd(listener: () => void): void;
  /** The client reset the stream or the connection went away. */
  onReset(listener: () => void): void;
}

class Stream implements SpdyStream {
  readonly data: ((d: Buffer) => void)[] = [];
  readonly ends: (() => void)[] = [];
  readonly resets: (() => void)[] = [];
  ended = false;
  closed = false;

  constructor(
    readonly id: number,
    readonly headers: Record<string, string>,
    private readonly conn: SpdyServerConnection,
  ) {}

  write(data: Buffer): void {
    if (this.ended) return;
    for (let at = 0; at < data.length; at += maxChunk) this.conn.send(dataFrame(this.id, 0, data.subarray(at, at + maxChunk)));
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.conn.send(dataFrame(this.id, flagFin, Buffer.alloc(0)));
    this.conn.forget(this);
  }

  reset(): void {
    if (this.ended && this.closed) return;
    this.ended = this.closed = true;
    this.conn.send(controlFrame(FrameType.RstStream, 0, words(this.id, rstCancel)));
    this.conn.forget(this);
  }

  onData(listener: (data: Buffer) => void): void {
    this.data.push(listener);
  }

  onEnd(listener: () => void): void {
    this.ends.push(listener);
  }

  onReset(listener: () => void): void {
    this.resets.push(listener);
  }
}

/** Serves SPDY on `socket`, calling `onStream` for each stream the client opens (after its SYN_REPLY is queued). */
export class SpdyServerConnection {
  private readonly codec = new HeaderCodec();
  private readonly streams = new Map<number, Stream>();
  private pending: Buffer = Buffer.alloc(0);
  // Frames are handled, and sent, strictly in order: header blocks go through zlib, which is asynchronous.
  private inbound: Promise<void> = Promise.resolve();
  private outbound: Promise<void> = Promise.resolve();
  private done = false;

  constructor(
    private readonly socket: Duplex,
    private readonly onStream: (stream: SpdyStream) => void,
  ) {
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([this.pending, chunk]));
      this.pending = rest;
      for (const f of frames) this.inbound = this.inbound.then(() => this.handle(f)).catch(() => this.close());
    });
    socket.on('close', () => this.close());
    socket.on('end', () => this.close());
    socket.on('error', () => this.close());
  }

  /** Queues raw bytes (a whole frame) after everything queued before. */
  send(frame: Buffer | (() => Promise<Buffer>)): void {
    if (this.done) return;
    this.outbound = this.outbound
      .then(async () => {
        const bytes = typeof frame === 'function' ? await frame() : frame;
        if (!this.done && this.socket.writable) this.socket.write(bytes);
      })
      .catch(() => this.close());
  }

  /** Ends the connection: every stream is reset for its owner, and the socket is closed. */
  close(): void {
    if (this.done) return;
    this.done = true;
    for (const s of this.streams.values()) for (const l of s.resets) l();
    this.streams.clear();
    this.codec.close();
    this.socket.destroy();
  }

  private async handle(f: Frame): Promise<void> {
    if (this.done) return;
    if (!f.control) {
      const s = this.streams.get(f.streamId);
      if (!s) return;
      if (f.data.length > 0) for (const l of s.data) l(f.data);
      if (f.flags & flagFin) this.clientEnded(s);
      return;
    }
    switch (f.type as FrameType) {
      case FrameType.SynStream: {
        const id = f.data.readUInt32BE(0) & 0x7fffffff;
        const headers = await this.codec.decode(f.data.subarray(10));
        const s = new Stream(id, headers, this);
        this.streams.set(id, s);
        this.send(async () => controlFrame(FrameType.SynReply, 0, Buffer.concat([words(id), await this.codec.encode({})])));
        this.onStream(s);
        if (f.flags & flagFin) this.clientEnded(s);
        return;
      }
      case FrameType.Headers:
        // Decoded only to keep the zlib context in step with the client's.
        await this.codec.decode(f.data.subarray(4));
        return;
      case FrameType.RstStream: {
        const s = this.streams.get(f.data.readUInt32BE(0) & 0x7fffffff);
        if (!s) return;
        this.streams.delete(s.id);
        s.ended = s.closed = true;
        for (const l of s.resets) l();
        return;
      }
      case FrameType.Ping:
        this.send(controlFrame(FrameType.Ping, 0, f.data));
        return;
      case FrameType.GoAway:
        this.close();
        return;
      default:
        return;
    }
  }

  /** Drops a stream both sides are done with. */
  forget(s: { id: number; ended: boolean; closed: boolean }): void {
    if (s.ended && s.closed) this.streams.delete(s.id);
  }

  private clientEnded(s: Stream): void {
    if (s.closed) return;
    s.closed = true;
    for (const l of s.ends) l();
    this.forget(s);
  }
}
