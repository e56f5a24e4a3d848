import type { ImportStatus, ProblemSeverity } from '../../../shared/imports';

export const running = (status: ImportStatus | undefined) => status === 'checking' || status === 'committing';
export const statusColors: Record<ImportStatus, string> = {
  checking: 'blue',
  checked: 'teal',
  committing: 'blue',
  committed: 'green',
  failed: 'red',
  interrupted: 'orange',
};
export const severityColors: Record<ProblemSeverity, string> = { error: 'red', warning: 'yellow', info: 'gray' };
