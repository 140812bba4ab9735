/**
 * The bench's output: one JSON line per measure, each with its absolute value, the baseline
 * measured in the same run, their ratio, and the target (printed, never enforced: a bench
 * reports, it does not fail). Then a short table for people.
 */
export interface Target {
  /** `max`: the value should be at most `value`; `min`: at least. */
  kind: 'max' | 'min';
  value: number;
  /** What the target applies to when it is not `value` itself (e.g. `ratio`). */
  of?: 'value' | 'ratio';
}

export interface Measure {
  name: string;
  value: number;
  unit: string;
  /** The same quantity for the baseline, taken in this run. */
  baseline: number | null;
  baselineName: string | null;
  /** value / baseline. */
  ratio: number | null;
  target: Target | null;
  /** Whether the target holds in this run; null without a target. */
  targetMet: boolean | null;
  /** Sizes and absolute figures beside the headline value. */
  details: Record<string, unknown>;
  /** Anything a reader must know to read the figure right. */
  note?: string;
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function targetText(t: Target | null, unit: string): string {
  if (!t) return '';
  const op = t.kind === 'max' ? '≤' : '≥';
  return t.of === 'ratio' ? `ratio ${op} ${t.value}` : `${op} ${t.value} ${unit}`;
}

export class Report {
  private readonly measures: Measure[] = [];

  constructor(private readonly print: (line: string) => void = (l) => console.log(l)) {}

  add(m: {
    name: string;
    value: number;
    unit: string;
    baseline?: { value: number; name: string } | null;
    target?: Target | null;
    details?: Record<string, unknown>;
    note?: string;
  }): Measure {
    const baseline = m.baseline ?? null;
    const ratio = baseline && baseline.value > 0 ? round(m.value / baseline.value) : null;
    const target = m.target ?? null;
    const subject = target?.of === 'ratio' ? ratio : m.value;
    const targetMet = target && subject !== null ? (target.kind === 'max' ? subject <= target.value : subject >= target.value) : null;
    const measure: Measure = {
      name: m.name,
      value: round(m.value),
      unit: m.unit,
      baseline: baseline ? round(baseline.value) : null,
      baselineName: baseline?.name ?? null,
      ratio,
      target,
      targetMet,
      details: m.details ?? {},
      ...(m.note ? { note: m.note } : {}),
    };
    this.measures.push(measure);
    this.print(JSON.stringify(measure));
    return measure;
  }

  /** A measure that could not be taken here, and why (e.g. no Chromium); never a fake figure. */
  skip(name: string, why: string): void {
    this.print(JSON.stringify({ name, skipped: why }));
  }

  all(): readonly Measure[] {
    return this.measures;
  }

  table(): string {
    const rows = this.measures.map((m) => [
      m.name,
      `${m.value} ${m.unit}`,
      m.baseline === null ? '' : `${m.baseline} ${m.unit}`,
      m.ratio === null ? '' : `${m.ratio}×`,
      targetText(m.target, m.unit),
      m.targetMet === null ? '' : m.targetMet ? 'met' : 'NOT met',
    ]);
    const head = ['measure', 'value', 'baseline', 'ratio', 'target', ''];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
    return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export function sortedMs(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

export function timeMs(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export const mb = (bytes: number): number => round(bytes / (1024 * 1024), 1);
