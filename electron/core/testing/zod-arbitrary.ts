import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check payloads for a zod schema, for fuzzing the handler map: values shaped like what
 * the schema accepts (so calls reach the handlers' logic, not only the validator), mixed with
 * hostile values (huge and odd strings, wrong types, extra keys, prototype keys) at every
 * level. JSON values only: that is what crosses the transports.
 */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uFEFF\u200B\u202E',
  '\uD800',
  '😀👩‍⚕️',
  "'; DROP TABLE patient; --",
  '" OR 1=1 --',
  '%s%n%x',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  'Ə'.repeat(5000),
  'x'.repeat(100_000),
  '9'.repeat(12),
  '000000000000',
  '1970-01-01',
  '9999-12-31',
  '2024-02-30',
  '00000000-0000-0000-0000-000000000000',
  'NaN',
  '-1',
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 300 }));

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const anything: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }) },
);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  in?: z.ZodType;
  out?: z.ZodType;
  format?: string;
  valueType?: z.ZodType;
  checks?: readonly { _zod: { def: { check: string; format?: string } } }[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function stringFor(def: Def): fc.Arbitrary<string> {
  const formats = [def.format, ...(def.checks ?? []).map((c) => c._zod.def.format)];
  if (formats.includes('uuid') || formats.includes('guid')) return fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileString });
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.stringMatching(/^[0-9]{1,12}$/) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: hostileString },
  );
}

/** Shaped values for `schema`, each level sometimes replaced by a hostile one. */
export function payloadFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedFor(schema, depth);
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: anything });
}

function shapedFor(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return anything;
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, payloadFor(v, depth + 1)]));
      const base = fc.record(fields, { requiredKeys: [] });
      // Sometimes an extra key, to try strict objects and code that spreads the payload.
      return fc.oneof(
        { weight: 4, arbitrary: fc.record(fields) },
        { weight: 2, arbitrary: base },
        { weight: 1, arbitrary: fc.tuple(base, fc.string({ maxLength: 12 }), anything).map(([o, k, v]) => ({ ...o, [k]: v })) },
      );
    }
    case 'string':
      return stringFor(def);
    case 'number':
    case 'int':
      return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -2, max: 200 }) }, { weight: 1, arbitrary: hostileNumber });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? fc.oneof({ weight: 4, arbitrary: shapedFor(def.innerType, depth) }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) }) : anything;
    case 'array':
      return def.element ? fc.array(payloadFor(def.element, depth + 1), { maxLength: 6 }) : anything;
    case 'union':
      return def.options?.length ? fc.oneof(...def.options.map((o) => shapedFor(o, depth))) : anything;
    case 'pipe':
      return def.in ? shapedFor(def.in, depth) : anything;
    case 'record':
      return def.valueType ? fc.dictionary(fc.string({ maxLength: 12 }), payloadFor(def.valueType, depth + 1), { maxKeys: 5 }) : anything;
    default:
      // custom, unknown, any, transforms…: the handler validates these itself.
      return anything;
  }
}
