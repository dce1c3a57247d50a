/**
 * SPDY/3.1 framing, the part kubectl's port-forward needs (the `portforward.k8s.io` protocol runs
 * over SPDY streams, tunnelled in WebSocket messages or on the upgraded socket itself): frame
 * headers, name/value header blocks, and zlib with the SPDY dictionary, one context per direction.
 */
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { spdyDictionary } from './spdy-dictionary.ts';

/** Control frame types (SPDY/3 §2.6). */
export const enum FrameType {
  SynStream = 1,
  SynReply = 2,
  RstStream = 3,
  Settings = 4,
  Ping = 6,
  GoAway = 7,
  Headers = 8,
  WindowUpdate = 9,
}

/** The FIN flag, on data and control frames alike. */
export const flagFin = 0x01;

/** One frame as read off the wire. */
export type Frame = { control: true; type: number; flags: number; data: Buffer } | { control: false; streamId: number; flags: number; data: Buffer };

/** Splits complete frames off the front of `buf`; returns them and what is left over. */
export function readFrames(buf: Buffer): { frames: Frame[]; rest: Buffer } {
  const frames: Frame[] = [];
  let at = 0;
  while (buf.length - at >= 8) {
    const length = buf.readUIntBE(at + 5, 3);
    if (buf.length - at < 8 + length) break;
    const data = buf.subarray(at + 8, at + 8 + length);
    const flags = buf[at + 4] as number;
    if ((buf[at] as number) & 0x80) frames.push({ control: true, type: buf.readUInt16BE(at + 2), flags, data });
    else frames.push({ control: false, streamId: buf.readUInt32BE(at) & 0x7fffffff, flags, data });
    at += 8 + length;
  }
  return { frames, rest: buf.subarray(at) };
}

/** A control frame: version 3, its type and flags, then the payload. */
export function controlFrame(type: FrameType, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8003, 0);
  head.writeUInt16BE(type, 2);
  head[4] = flags;
  head.writeUIntBE(payload.length, 5, 3);
  return Buffer.concat([head, payload]);
}

/** A data frame on a stream. */
export function dataFrame(streamId: number, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(streamId & 0x7fffffff, 0);
  head[4] = flags;
  head.writeUIntBE(payload.length, 5, 3);
  return Buffer.concat([head, payload]);
}

/** Two 32-bit big-endian words (RST_STREAM, GOAWAY, PING bodies). */
export function words(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4));
  return b;
}

/** Parses an uncompressed name/value header block: a count, then length-prefixed names and values. */
export function parseHeaderBlock(block: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  if (block.length < 4) return out;
  const count = block.readUInt32BE(0);
  let at = 4;
  for (let i = 0; i < count && at + 4 <= block.length; i++) {
    const nameLen = block.readUInt32BE(at);
    const name = block.subarray(at + 4, at + 4 + nameLen).toString('latin1');
    at += 4 + nameLen;
    const valueLen = block.readUInt32BE(at);
    out[name.toLowerCase()] = block.subarray(at + 4, at + 4 + valueLen).toString('latin1');
    at += 4 + valueLen;
  }
  return out;
}

/** Serialises headers as an uncompressed name/value block (names lowercase, as SPDY/3 requires). */
export function headerBlock(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [words(Object.keys(headers).length)];
  for (const [name, value] of Object.entries(headers)) {
    const n = Buffer.from(name.toLowerCase(), 'latin1');
    const v = Buffer.from(value, 'latin1');
    parts.push(words(n.length), n, words(v.length), v);
  }
  return Buffer.concat(parts);
}

/** Runs one chunk through a zlib stream that lives as long as the connection, ending it with a sync flush. */
function through(z: Deflate | Inflate, input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const onData = (d: Buffer) => out.push(d);
    const onError = (err: Error) => {
      z.off('data', onData);
      reject(err);
    };
    z.on('data', onData);
    z.once('error', onError);
    z.write(input);
    z.flush(constants.Z_SYNC_FLUSH, () => {
      z.off('data', onData);
      z.off('error', onError);
      resolve(Buffer.concat(out));
    });
  });
}

/** The header compression of one connection: each direction is one zlib stream across all frames. */
export class HeaderCodec {
  private readonly inflate = createInflate({ dictionary: spdyDictionary });
  private readonly deflate = createDeflate({ dictionary: spdyDictionary });

  /** Decompresses a received header block. */
  async decode(compressed: Buffer): Promise<Record<string, string>> {
    return parseHeaderBlock(await through(this.inflate, compressed));
  }

  /** Compresses a header block to send. */
  encode(headers: Record<string, string>): Promise<Buffer> {
    return through(this.deflate, headerBlock(headers));
  }

  /** Frees both zlib contexts. */
  close(): void {
    this.inflate.destroy();
    this.deflate.destroy();
  }
}
