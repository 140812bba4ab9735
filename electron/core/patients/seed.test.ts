import { describe, expect, it } from 'vitest';
import { patientInputSchema } from './schema.js';
import { rng, syntheticPatient } from './seed.js';

describe('synthetic patients', () => {
  it('are valid by the same schema the desk uses, repeatable from a seed, and marked as test data', () => {
    const schema = patientInputSchema(() => new Date('2026-11-25T10:00:00+05:00'));
    const a = Array.from({ length: 300 }, (_, i) => syntheticPatient(rng(42), i));
    const b = Array.from({ length: 300 }, (_, i) => syntheticPatient(rng(42), i));
    expect(a).toEqual(b);
    const r = rng(7);
    const many = Array.from({ length: 2000 }, (_, i) => syntheticPatient(r, i));
    for (const p of many) {
      const parsed = schema.safeParse(p);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(p.address).toContain('тестовые данные');
    }
    expect(new Set(many.map((p) => p.iin)).size).toBeGreaterThan(1990);
  });
});
