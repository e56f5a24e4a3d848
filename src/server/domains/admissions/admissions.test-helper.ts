import { decision } from '../../test/factories.js';
import { dossierItems, type CandidateCreate, type Dossier } from '../../../shared/admissions.js';

/** Every dossier paper done on `date`. */
export function completeDossier(date = '2025-08-01'): Dossier {
  return Object.fromEntries(dossierItems.map((item) => [item, { done: true, date }]));
}

/** A candidate who meets every admission rule when the cell considers them in September 2025. */
export function candidateInput(orgId: number, introducerIds: [number, number], overrides: Partial<CandidateCreate> = {}): CandidateCreate {
  return {
    fullName: 'Lò Thị Minh Hằng',
    gender: 'female',
    birthDate: '1998-05-10',
    placeOfOrigin: { old: null, current: { province: 'Phú Thọ', commune: 'Xã Tân Lạc' } },
    residence: null,
    ethnicity: 'Mường',
    religion: 'Không',
    education: '12/12',
    professionalQualification: 'Cử nhân Luật',
    theoryLevel: 'none',
    job: 'Công chức',
    position: 'Chuyên viên',
    nationalId: null,
    orgId,
    youthUnionMember: false,
    awarenessCertificate: { number: '125/GCN', issuedOn: '2025-03-01' },
    introducers: [
      { memberId: introducerIds[0], knownSince: '2023-06-01' },
      { memberId: introducerIds[1], knownSince: '2024-01-02' },
    ],
    specialAgeDecision: null,
    dossier: completeDossier(),
    unionResolution: null,
    lowerSecondary: { kind: 'diploma' },
    /** Tests make many same-named candidates on purpose; the duplicate warning has its own tests. */
    confirmDuplicate: true,
    ...overrides,
  };
}

export const cellVote = (version: number, date = '2025-09-10', votes: { inFavour?: number; against?: number; eligible?: number | null } = {}) => ({
  version,
  decision: { ...decision(date), number: `${date.slice(5, 7)}-NQ/CB`, issuer: 'Chi bộ' },
  inFavour: votes.inFavour ?? 3,
  against: votes.against ?? 0,
  eligible: votes.eligible ?? null,
});

export const committeeVote = (version: number, date = '2025-09-20', votes: { inFavour?: number; eligible?: number } = {}) => ({
  version,
  decision: { ...decision(date), issuer: 'Đảng ủy cơ sở' },
  inFavour: votes.inFavour ?? 5,
  against: 0,
  eligible: votes.eligible ?? 7,
});

export const upperDecision = (version: number, number: string, date = '2025-10-01', receivedOn: string | null = '2025-10-03') => ({
  version,
  decision: { number, date, issuer: 'Đảng ủy Khối các cơ quan tỉnh' },
  receivedOn,
  signing: { place: 'Phú Thọ', signerAuthority: 'T/M BAN THƯỜNG VỤ', signerTitle: 'PHÓ BÍ THƯ', signerName: 'Hà Văn Khánh' },
});
