import { describe, expect, it } from 'vitest';
import type { CandidateState } from '../../../shared/admissions.js';
import { applicableDossierItems, implementingRegulationBasis, isDatedInOrder, missingDossierItems, nextStepOf, severityOf } from './admissions.rules.js';

describe('missingDossierItems', () => {
  it('asks a Youth Union member for the Union’s introduction, and nobody else', () => {
    expect(applicableDossierItems(true)).toContain('youth_union_introduction');
    expect(applicableDossierItems(false)).not.toContain('youth_union_introduction');
  });

  it('lists the papers not done, in dossier order', () => {
    const dossier = { application: { done: true, date: '2025-08-01' }, introductions: { done: false, date: null } };
    expect(missingDossierItems(dossier, false)).toEqual(['personal_history', 'introductions', 'residence_comments', 'mass_org_comments']);
  });
});

describe('nextStepOf', () => {
  it.each<[CandidateState, boolean, number, string]>([
    ['candidate', false, 2, 'dossier'],
    ['candidate', false, 0, 'cell_resolution'],
    ['cell_resolved', false, 0, 'committee_resolution'],
    ['cell_resolved', true, 0, 'decision'],
    ['committee_resolved', false, 0, 'decision'],
    ['decided', false, 0, 'ceremony'],
    ['admitted', false, 0, 'none'],
    ['withdrawn', false, 0, 'none'],
  ])('%s (grassroots cell %s, %i papers missing) → %s', (state, cellIsGrassroots, missingCount, step) => {
    const missing = Array.from({ length: missingCount }, () => 'application' as const);
    expect(nextStepOf({ state, cellIsGrassroots, missing }).step).toBe(step);
  });

  it('names the deadline in the label', () => {
    expect(nextStepOf({ state: 'decided', cellIsGrassroots: false, missing: [], dueOn: '2025-11-14' }).label).toBe('Tổ chức lễ kết nạp (hạn 14/11/2025)');
  });
});

describe('severityOf', () => {
  it.each([
    ['2026-11-26', 'overdue'],
    ['2026-11-27', 'due_soon'],
    ['2026-12-27', 'due_soon'],
    ['2026-12-28', 'ok'],
  ] as const)('due %s on 27/11/2026 is %s', (dueOn, severity) => {
    expect(severityOf(dueOn, '2026-11-27', 30)).toBe(severity);
  });
});

describe('implementingRegulationBasis', () => {
  it.each([
    ['294-QĐ/TW', 'Quy định số 294-QĐ/TW của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng'],
    ['294-QĐ/TW, mục 6.3.1', 'Quy định số 294-QĐ/TW của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng'],
    ['24-QĐ/TW (2021); 232-QĐ/TW (2025)', 'Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng'],
  ])('cites %s', (source, text) => {
    expect(implementingRegulationBasis(source)).toBe(text);
  });
});

describe('isDatedInOrder', () => {
  it('allows the same day and later, not earlier', () => {
    expect(isDatedInOrder(null, '2025-01-01')).toBe(true);
    expect(isDatedInOrder('2025-01-01', '2025-01-01')).toBe(true);
    expect(isDatedInOrder('2025-01-02', '2025-01-01')).toBe(false);
  });
});
