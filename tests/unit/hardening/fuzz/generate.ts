import { z } from 'zod';

/** A small seeded generator (mulberry32): the same seed gives the same requests on every run. */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: JsonSchema | boolean;
};

/** Paths out of folders, as requests send them (relative, absolute, Windows-style). */
export const HOSTILE_PATHS = [
  '../../../../etc/passwd',
  '/etc/passwd',
  '..\\..\\windows\\win.ini',
  'a/../../b',
] as const;

/** Values chosen to break things: paths out of folders, sizes past limits, wrong types, odd text. */
export function hostile(rng: Rng): unknown {
  const deep = (levels: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = rng.chance(0.5) ? [v] : { a: v };
    return v;
  };
  const choices: (() => unknown)[] = [
    ...HOSTILE_PATHS.map((p) => () => p),
    () => '\u0000',
    () => 'x'.repeat(rng.pick([256, 70_000, 1_000_000])),
    () => 'word '.repeat(rng.pick([100, 45_000])),
    () => '\ud800\udfff\u202e<script>alert(1)</script>',
    () => '__proto__',
    () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown,
    () => deep(rng.pick([10, 63, 65, 3_000, 20_000])),
    () => Array.from({ length: rng.pick([1_000, 25_000]) }, () => ({ start: 0, end: 1, text: 'a' })),
    () => new Uint8Array(rng.pick([0, 1, 7, 8_001, 3 * 1024 * 1024])),
    () => rng.pick([-1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 0.5, 2 ** 53 + 1]),
    () => rng.pick([true, false, null]),
    () => ({}),
    () => [],
    () => rng.pick(['', ' ', 'base.en', 'silero-v6.2.0', 'CON', 'nul', '.', '..']),
  ];
  return rng.pick(choices)();
}

export interface Pools {
  /** Strings that satisfy a pattern (known ids), so requests reach the handlers behind the schema. */
  forPattern(pattern: string): string[];
}

function randomText(rng: Rng, min: number, max: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-. ';
  const n = rng.int(min, Math.min(max, min + 40));
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[rng.int(0, alphabet.length - 1)];
  return s;
}

function fromSchema(schema: JsonSchema, rng: Rng, pools: Pools, depth: number): unknown {
  if (depth > 0 && rng.chance(0.04)) return hostile(rng);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.pick(schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fromSchema(rng.pick(union), rng, pools, depth + 1);
  const type = Array.isArray(schema.type) ? rng.pick(schema.type) : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if ((schema.required ?? []).includes(key) || rng.chance(0.5)) out[key] = fromSchema(sub, rng, pools, depth + 1);
      }
      if (rng.chance(0.03)) out.unexpected = hostile(rng);
      return out;
    }
    case 'array': {
      const n = rng.int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 6, (schema.minItems ?? 0) + 6));
      return Array.from({ length: n }, () => fromSchema(schema.items ?? {}, rng, pools, depth + 1));
    }
    case 'string': {
      const known = schema.pattern ? pools.forPattern(schema.pattern) : [];
      if (known.length > 0 && rng.chance(0.7)) return rng.pick(known);
      return randomText(rng, schema.minLength ?? 0, schema.maxLength ?? 60);
    }
    case 'integer':
    case 'number': {
      const lo = schema.minimum ?? -10;
      const hi = schema.maximum ?? lo + 100_000;
      const v = rng.pick([lo, hi, lo + (hi - lo) * rng.next(), hi + 1, lo - 1]);
      return type === 'integer' ? Math.round(v) : v;
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    default:
      // Unrepresentable in JSON Schema (typed arrays, custom checks): bytes or anything at all.
      return rng.chance(0.6) ? new Uint8Array(rng.pick([0, 2, 1_000, 8_000])) : hostile(rng);
  }
}

/** One request for `input`: mostly shaped like the schema, sometimes anything at all. */
export function requestFor(input: z.ZodType, rng: Rng, pools: Pools): unknown {
  if (rng.chance(0.1)) return hostile(rng);
  const schema = z.toJSONSchema(input, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  return fromSchema(schema, rng, pools, 0);
}
