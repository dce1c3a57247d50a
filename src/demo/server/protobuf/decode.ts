/**
 * Request bodies in Kubernetes' protobuf encoding (`application/vnd.kubernetes.protobuf`), turned
 * into the JSON object the rest of the demo handles. The body is the 4-byte `k8s\0` prefix and a
 * runtime.Unknown envelope: TypeMeta (field 1: apiVersion 1, kind 2) and the object's own bytes
 * (field 2), decoded by the schema in schema.ts into what the same object is in JSON.
 */
import { DemoStatusError, badRequest } from '../errors.ts';
import { rfc3339 } from '../object-meta.ts';
import { messages, roots } from './schema.ts';
import { WireError, readFields, readPacked, type WireField } from './wire.ts';

export const protobufMediaType = 'application/vnd.kubernetes.protobuf';

const prefix = Buffer.from('k8s\0', 'latin1');

interface FieldSpec {
  name: string;
  type: string;
  repeated: boolean;
  /** A Go pointer: its zero value was set on purpose. */
  keepZero: boolean;
  /** An embedded Go struct: JSON has its fields in the parent. */
  inline: boolean;
}

const schemas = new Map<string, Map<number, FieldSpec>>();

function schemaOf(message: string): Map<number, FieldSpec> {
  let schema = schemas.get(message);
  if (schema) return schema;
  const text = messages[message];
  if (text === undefined) throw new Error(`protobuf schema: no message ${message}`);
  schema = new Map();
  for (const field of text.split('|')) {
    const [no, rawName, rawType] = field.split(' ') as [string, string, string];
    const repeated = rawType.startsWith('*');
    const keepZero = rawType.endsWith('!');
    const type = rawType.slice(repeated ? 1 : 0, keepZero ? -1 : undefined);
    schema.set(Number(no), { name: rawName.replace(/^\^/, ''), type, repeated, keepZero, inline: rawName.startsWith('^') });
  }
  schemas.set(message, schema);
  return schema;
}

/** 415 with the sentence a client can act on: what was not understood, and to send JSON instead. */
function unsupported(what: string): DemoStatusError {
  return new DemoStatusError(415, 'UnsupportedMediaType', `the demo API server cannot decode ${what} from protobuf; send the object as application/json (kubectl create -f, kubectl apply)`);
}

/** Decodes one protobuf request body into the object's JSON form. */
export function decodeKubernetesProtobuf(body: Buffer): Record<string, unknown> {
  if (body.length < prefix.length || !body.subarray(0, prefix.length).equals(prefix)) {
    throw badRequest('the body of the request was in an unknown format: a protobuf body starts with "k8s\\x00"');
  }
  try {
    const envelope = byNumber(readFields(body.subarray(prefix.length)));
    const typeMeta = byNumber(readFields(bytesOf(envelope.get(1))));
    const apiVersion = bytesOf(typeMeta.get(1)).toString('utf8');
    const kind = bytesOf(typeMeta.get(2)).toString('utf8');
    const encoding = bytesOf(envelope.get(3)).toString('utf8');
    if (encoding !== '') throw unsupported(`a body with content encoding ${encoding}`);
    const root = roots[`${apiVersion}/${kind}`];
    if (root === undefined) throw unsupported(`${kind} (${apiVersion || 'no apiVersion'})`);
    return { apiVersion, kind, ...decodeMessage(bytesOf(envelope.get(2)), root, kind) };
  } catch (err) {
    if (err instanceof WireError) throw badRequest(`the body of the request was in an unknown format: ${err.message}`);
    throw err;
  }
}

/** The last occurrence of each field number (protobuf's rule for a field that is not repeated). */
function byNumber(fields: WireField[]): Map<number, WireField> {
  return new Map(fields.map((f) => [f.no, f]));
}

function bytesOf(field: WireField | undefined): Buffer {
  if (field === undefined) return Buffer.alloc(0);
  if (field.wire !== 2) throw new WireError(`field ${field.no} should be length-delimited`);
  return field.value;
}

function decodeMessage(buf: Buffer, message: string, path: string): Record<string, unknown> {
  const schema = schemaOf(message);
  const out: Record<string, unknown> = {};
  for (const field of readFields(buf)) {
    const spec = schema.get(field.no);
    if (spec === undefined) throw unsupported(`field ${field.no} of ${message} (in ${path})`);
    if (spec.type === '-') continue;
    const at = `${path}.${spec.name}`;
    if (spec.inline) {
      Object.assign(out, decodeMessage(bytesOf(field), spec.type, at));
    } else if (spec.type.startsWith('{')) {
      const [key, value] = decodeMapEntry(bytesOf(field), spec.type, at);
      out[spec.name] = { ...(out[spec.name] as object | undefined), [key]: value };
    } else if (spec.repeated) {
      const list = (out[spec.name] as unknown[] | undefined) ?? [];
      // Repeated integers may come packed (several in one length-delimited field).
      if (field.wire === 2 && (spec.type === 'i' || spec.type === 't')) list.push(...readPacked(field.value).map((v) => scalar(spec.type, v)));
      else list.push(decodeValue(field, spec.type, at));
      out[spec.name] = list;
    } else {
      const value = decodeValue(field, spec.type, at);
      if (spec.keepZero || !isZero(value)) out[spec.name] = value;
    }
  }
  return out;
}

/** What Go writes for a plain (non-pointer) field left unset, which JSON's omitempty leaves out. */
function isZero(value: unknown): boolean {
  return value === '' || value === 0 || value === false || value === null;
}

function scalar(type: string, v: bigint): number | boolean {
  return type === 't' ? v !== 0n : Number(BigInt.asIntN(64, v));
}

function decodeValue(field: WireField, type: string, path: string): unknown {
  switch (type) {
    case 's':
      return bytesOf(field).toString('utf8');
    case 'b':
      return bytesOf(field).toString('base64');
    case 'i':
    case 't':
      if (field.wire !== 0) throw new WireError(`${path} should be a varint`);
      return scalar(type, field.value);
    case 'time': {
      const time = byNumber(readFields(bytesOf(field)));
      const seconds = varintOf(time.get(1));
      // A zero Time is JSON's null; the API server's timestamps have whole seconds.
      return seconds === 0 ? null : rfc3339(new Date(seconds * 1000));
    }
    case 'intstr': {
      const value = byNumber(readFields(bytesOf(field)));
      return varintOf(value.get(1)) === 1 ? bytesOf(value.get(3)).toString('utf8') : varintOf(value.get(2));
    }
    case 'quantity':
      return bytesOf(byNumber(readFields(bytesOf(field))).get(1)).toString('utf8');
    default:
      return decodeMessage(bytesOf(field), type, path);
  }
}

function varintOf(field: WireField | undefined): number {
  if (field === undefined) return 0;
  if (field.wire !== 0) throw new WireError(`field ${field.no} should be a varint`);
  return Number(BigInt.asIntN(64, field.value));
}

/** A map entry: key (field 1) and value (field 2); a value the entry leaves out is its zero value. */
function decodeMapEntry(buf: Buffer, type: string, path: string): [string, unknown] {
  const valueType = type.slice(type.indexOf(':') + 1, -1);
  const entry = byNumber(readFields(buf));
  const key = bytesOf(entry.get(1)).toString('utf8');
  const value = entry.get(2);
  if (value === undefined) return [key, valueType === 'quantity' ? '0' : ''];
  return [key, decodeValue(value, valueType, `${path}[${key}]`)];
}
