/**
 * The problems of one import run: counted by severity, the first of each kind kept for the screen,
 * and all of them written to a file (JSON lines) for the downloadable report.
 */
import { appendFile } from 'node:fs/promises';
import type { ImportProblem } from '../../../shared/imports.js';

const previewLimits = { error: 150, warning: 100, info: 50 } as const;
/** Past this, problems are counted but no longer listed: a file wrong in every row says so in its first rows. */
const maxListedProblems = 200_000;

/** Counts every problem, keeps the first of each kind for the screen, and writes all of them (JSON lines) for the report. */
export class ProblemLog {
  readonly counts = { error: 0, warning: 0, info: 0 };
  readonly preview: ImportProblem[] = [];
  private pending: string[] = [];
  private listed = 0;

  constructor(private readonly path: string | null) {}

  add(problem: ImportProblem): void {
    this.counts[problem.severity] += 1;
    if (this.counts[problem.severity] <= previewLimits[problem.severity]) this.preview.push(problem);
    if (this.path && this.listed < maxListedProblems) {
      this.listed += 1;
      this.pending.push(JSON.stringify(problem));
    }
  }

  addAll(problems: ImportProblem[]): void {
    for (const problem of problems) this.add(problem);
  }

  async flush(): Promise<void> {
    if (!this.path || this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    await appendFile(this.path, text);
  }

  /** Errors first, then warnings, then what the import did on its own. */
  sortedPreview(): ImportProblem[] {
    const order = { error: 0, warning: 1, info: 2 };
    return [...this.preview].sort((a, b) => order[a.severity] - order[b.severity]);
  }
}
