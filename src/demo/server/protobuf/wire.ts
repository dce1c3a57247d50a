/**
 * Protobuf's wire format, read: each field of a message as its number, its wire type and its raw
 * value. Four wire types and a varint is all Kubernetes' messages use; the schema says what a
 * value means (protobuf-decode.ts), this only splits bytes.
 */

/** One field as it appears on the wire. */
export type WireField = { no: number; wire: 0; value: bigint } | { no: number; wire: 1; value: Buffer } | { no: number; wire: 2; value: Buffer } | { no: number; wire: 5; value: Buffer };

/** A body that is not protobuf where protobuf was said: the caller turns it into a 400. */
export class WireError extends Error {}

/** Reads a varint at `at`; returns the value and the offset after it. */
export function readVarint(buf: Buffer, at: number): [bigint, number] {
  let value = 0n;
  let shift = 0n;
  for (let i = at; i < buf.length && i < at + 10; i++) {
    const byte = buf[i] as number;
    value |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [value, i + 1];
    shift += 7n;
  }
  throw new WireError('truncated varint');
}

/** Every field of one message, in wire order (repeated fields appear once per element). */
export function readFields(buf: Buffer): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  while (at < buf.length) {
    const [tag, next] = readVarint(buf, at);
    at = next;
    const no = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (wire === 0) {
      const [value, after] = readVarint(buf, at);
      fields.push({ no, wire, value });
      at = after;
    } else if (wire === 2) {
      const [length, after] = readVarint(buf, at);
      const end = after + Number(length);
      if (end > buf.length) throw new WireError(`field ${no} runs past the end of its message`);
      fields.push({ no, wire, value: buf.subarray(after, end) });
      at = end;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (at + size > buf.length) throw new WireError(`field ${no} runs past the end of its message`);
      fields.push({ no, wire, value: buf.subarray(at, at + size) });
      at += size;
    } else throw new WireError(`field ${no} has wire type ${wire}, which protobuf 3 does not use`);
  }
  return fields;
}

/** The varints of a packed repeated scalar field. */
export function readPacked(buf: Buffer): bigint[] {
  const out: bigint[] = [];
  let at = 0;
  while (at < buf.length) {
    const [value, next] = readVarint(buf, at);
    out.push(value);
    at = next;
  }
  return out;
}
