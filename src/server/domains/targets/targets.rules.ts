import type { TargetComparison, TargetMeasure, TargetSource } from '../../../shared/targets.js';
import { targetComparisonSigns } from '../../../shared/targets.js';

/** What a binding check needs to know of a metric of the catalogue. */
export interface MetricInfoForBinding {
  name: string;
  label: string;
  labels: Record<string, string>;
}

export interface BindingInput {
  source: TargetSource;
  metricName: string | null;
  partKeys: string[] | null;
  measure: TargetMeasure;
  value: number;
  manualValue: number | null;
  manualAsOf: string | null;
  evidence: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A target bound to a metric names one the catalogue has, and only parts that metric has; a percentage lies between
 * 0 and 100; a hand-entered figure comes with its evidence and its day. Returns the problems, none when it is sound.
 */
export function bindingProblems(input: BindingInput, catalogue: ReadonlyMap<string, MetricInfoForBinding>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.source === 'metric') {
    if (!input.metricName) problems.push({ field: 'metricName', message: 'Chỉ tiêu tính từ chỉ số phải chọn một chỉ số trong danh mục chỉ số.' });
    else {
      const metric = catalogue.get(input.metricName);
      if (!metric)
        problems.push({
          field: 'metricName',
          message: `Chỉ số «${input.metricName}» không có trong danh mục chỉ số: chỉ tiêu chỉ gắn được với một chỉ số có sẵn (hoặc nhập tay kèm minh chứng).`,
        });
      else
        for (const key of input.partKeys ?? [])
          if (!(key in metric.labels))
            problems.push({
              field: 'partKeys',
              message: `Chỉ số «${metric.label}» không có phần «${key}»; các phần của chỉ số: ${Object.values(metric.labels).join(', ')}.`,
            });
    }
    if (input.partKeys?.length === 0) problems.push({ field: 'partKeys', message: 'Phải chọn ít nhất một phần của chỉ số, hoặc để trống để tính cả chỉ số.' });
    if (input.manualValue !== null || input.evidence !== null)
      problems.push({ field: 'manualValue', message: 'Chỉ tiêu tính từ chỉ số không nhập tay kết quả: kết quả được tính từ số liệu.' });
  } else {
    if (input.metricName !== null || input.partKeys !== null)
      problems.push({ field: 'metricName', message: 'Chỉ tiêu nhập tay không gắn với chỉ số; hãy chọn «Tính từ chỉ số» để gắn.' });
    problems.push(...manualProblems(input));
  }
  if (input.measure === 'percent' && input.value > 100) problems.push({ field: 'value', message: 'Chỉ tiêu tỷ lệ phải từ 0% đến 100%.' });
  return problems;
}

/** A hand-entered figure needs its evidence and the day it stands on; a percentage stays within 100. */
export function manualProblems(input: Pick<BindingInput, 'measure' | 'manualValue' | 'manualAsOf' | 'evidence'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.manualValue !== null && !input.evidence)
    problems.push({ field: 'evidence', message: 'Kết quả nhập tay phải kèm minh chứng (văn bản, báo cáo hoặc biên bản làm căn cứ).' });
  if (input.manualValue !== null && !input.manualAsOf) problems.push({ field: 'manualAsOf', message: 'Kết quả nhập tay phải ghi ngày số liệu.' });
  if (input.measure === 'percent' && input.manualValue !== null && input.manualValue > 100)
    problems.push({ field: 'manualValue', message: 'Kết quả tỷ lệ phải từ 0% đến 100%.' });
  return problems;
}

/** The figure reached, from the metric's parts: a count, or the share of the chosen parts in the total (in %, one decimal). */
export function figureOf(
  parts: readonly { key: string; value: number }[],
  partKeys: readonly string[] | null,
  measure: TargetMeasure,
): { actual: number | null; numerator: number | null; denominator: number | null } {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  const chosen = partKeys ? parts.filter((p) => partKeys.includes(p.key)).reduce((sum, p) => sum + p.value, 0) : total;
  if (measure === 'count') return { actual: chosen, numerator: null, denominator: null };
  return { actual: total === 0 ? null : Math.round((chosen / total) * 1000) / 10, numerator: chosen, denominator: total };
}

export function meets(actual: number | null, comparison: TargetComparison, value: number): boolean | null {
  if (actual === null) return null;
  if (comparison === 'gte') return actual >= value;
  if (comparison === 'lte') return actual <= value;
  return actual === value;
}

/** "≥ 130", "≥ 80%". */
export function targetLabel(comparison: TargetComparison, value: number, measure: TargetMeasure): string {
  return `${targetComparisonSigns[comparison]} ${value.toLocaleString('vi-VN')}${measure === 'percent' ? '%' : ''}`;
}

/** The days the figure covers: the target's year up to today (or the day the target ended), never past the year. */
export function periodOf(year: number, today: string, endedOn: string | null): { from: string; to: string } | null {
  const from = `${year}-01-01`;
  let to = `${year}-12-31`;
  if (today < to) to = today;
  if (endedOn && endedOn < to) to = endedOn;
  return to < from ? null : { from, to };
}

/** Disjoint path prefixes: a path inside another one adds nothing (its records are already counted). */
export function disjointPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  const out: string[] = [];
  for (const path of sorted) if (!out.some((p) => path.startsWith(p))) out.push(path);
  return out;
}
