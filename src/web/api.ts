/**
 * The only module of the web app that talks to the server. Every call goes through `request` (a file upload through
 * `upload`), which sends the session cookie and the CSRF header, and turns error bodies into `ApiError`. What each
 * call returns is typed from the server's response schemas in `src/shared/`.
 */
import type { z } from 'zod';
import type {
  ReportChanges,
  ReportIssue,
  ReportReturn,
  ReportReview,
  ReportSubmit,
  ReportSummary,
  ReportUpdate,
  SubmissionList,
  ReportRollUp,
  report as reportSchema,
  reportCreate,
} from '../shared/reports'; // reports
import type {
  ArticleAction,
  ArticleListQuery,
  ArticleUpdate,
  PortalCategory,
  article as articleSchema,
  articleCreate,
  ArticleFromReport,
  articleList as articleListSchema,
  articleStep,
  portalImage as portalImageSchema,
} from '../shared/portal'; // portal
import type { AuditEntry, ChainReport } from '../shared/audit';
import type { DuesSheet, duesArrearsList, duesSheetInput, memberDues } from '../shared/dues'; // dues
import type { BadgeList } from '../shared/badges'; // dues
import type { PartyDocument, SelfStudyCreate, StudyCoverage, StudyRequirement, StudySession } from '../shared/study';
import type {
  committeeReform,
  committeeReformCreate,
  committeeSizeFlagList,
  committeeTerm,
  committeeTermCreate,
  myStudyList,
  partyDocumentCreate,
  selfStudyRecord,
  studyRequirementCreate,
  studySessionCreate,
} from '../shared/study';
import type {
  AppealInput,
  SanctionListQuery,
  appealDecisionInput,
  appealList,
  noticeView,
  sanctionDecisionInput,
  sanctionDetail,
  sanctionPage,
  sanctionProposalInput,
  SanctionWithdrawalInput,
} from '../shared/discipline';
import type { CommitteeAppointment, CommitteeEnd, CommitteeSeat, CommitteeSeatRecord } from '../shared/committees';
import type {
  CultureStandardInput,
  CultureStandardList,
  Proposal,
  ProposalAnswer,
  ProposalCreate,
  ProposalUpdate,
  Target,
  TargetCreate,
  TargetUpdate,
  Task,
  TaskCreate,
  TaskUpdate,
} from '../shared/targets'; // targets
import type {
  AdmissionDecisionInput,
  CandidateCloseInput,
  CandidateCreate,
  CandidateDetail,
  CandidatePage,
  CandidateState,
  CandidateUpdate,
  CellResolutionInput,
  CeremonyInput,
  CommitteeResolutionInput,
  ProbationDecisionInput,
  ProbationReviewInput,
  ProbationView,
} from '../shared/admissions';
import type {
  AuthStatus,
  PasswordChange,
  SessionInfo,
  UserCreate,
  UserCreated,
  UserItem,
  UserPasswordReset,
  UserRole,
  UserUpdate,
  LoginInput,
} from '../shared/auth';
import type { Holiday, HolidayInput } from '../shared/calendar';
import type {
  CaseDetail,
  CaseListQuery,
  CasePage,
  CaseStepInput,
  CaseSummary,
  DenunciationDetail,
  DenunciationSummary,
  PlanDetail,
  PlanSummary,
  caseCreate,
  denunciationCreate,
  DenunciationEntryInput,
  PlanApproval,
  planCreate,
  planItemCreate,
} from '../shared/inspection';
import type { ErrorCode, FieldError, PossibleDuplicate, RuleRef } from '../shared/errors';
import type { ImportCommitInput, ImportJob, ImportListItem, ImportMappingInput } from '../shared/imports';
import type {
  AgeBand,
  EventAnnulled,
  EventAnnulmentInput,
  Gender,
  Member,
  MemberCreate,
  MemberHistory,
  MemberPage,
  MemberStatus,
  MemberUpdate,
  MembershipEventRecorded,
  TheoryLevel,
} from '../shared/member';
import type { MetricInfo, MetricQuery, MetricRecords, MetricResult } from '../shared/metrics';
import type { Org, OrgAsOfItem, OrgCreate, OrgDetail, OrgEvent, OrgEventInput, OrgEventRecorded, OrgListItem, OrgUpdate, UnitType } from '../shared/org';
import type { AttentionItem } from '../shared/radar';
import type {
  ComplianceTable,
  MeetingCancelInput,
  MeetingDetail,
  MeetingHeldInput,
  MeetingListItem,
  MeetingListQuery,
  MeetingPlanInput,
  MeetingUpdateInput,
  MyMeetings,
  QualitySheet,
} from '../shared/meetings';
import type { RuleVersionInput, RuleVersionRecord, RuleView } from '../shared/rulebook';
import type { ExitInput, PartyAgeResult } from '../shared/exits';
import type {
  DestinationOrg,
  TransferCancel,
  TransferCreate,
  TransferDetail,
  TransferLetterIssue,
  TransferListQuery,
  TransferPage,
  TransferReceipt,
  TransferReturn,
} from '../shared/transfers';
import type {
  MemberRating,
  MemberRatingDecision,
  MemberRatingExcuse,
  MemberRatingProposal,
  OrgRating,
  OrgRatingDecision,
  QuotaUse,
  RatingRound,
  RatingRoundClose,
  RatingRoundCreate,
  SelfAssessment,
} from '../shared/ratings';

export type ClientErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly rule: RuleRef | null;
  readonly retryAfterSeconds: number | null;
  /** Records that may be the same person as the one being saved; empty unless the save was held back for them. */
  readonly duplicates: PossibleDuplicate[];

  constructor(init: {
    code: ClientErrorCode;
    status: number;
    message: string;
    fields?: FieldError[];
    rule?: RuleRef;
    retryAfterSeconds?: number;
    duplicates?: PossibleDuplicate[];
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.fields = init.fields ?? [];
    this.rule = init.rule ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.duplicates = init.duplicates ?? [];
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const API_BASE = '/api/v1';

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

/** Kept from the latest session info; every state-changing request must echo it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (expired or logged out elsewhere). */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export function buildQuery(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Login and the session probe handle 401 themselves instead of redirecting. */
  quietUnauthenticated?: boolean;
}

const fallbackMessages: Record<number, string> = {
  400: 'Dữ liệu gửi lên không hợp lệ.',
  401: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy.',
  409: 'Dữ liệu đã bị thay đổi bởi người khác.',
  429: 'Thao tác quá nhiều lần. Vui lòng thử lại sau.',
};

function codeForStatus(status: number): ClientErrorCode {
  switch (status) {
    case 400:
      return 'INVALID_INPUT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 422:
      return 'RULE_VIOLATION';
    case 429:
      return 'THROTTLED';
    default:
      return 'INTERNAL';
  }
}

const networkError = () => new ApiError({ code: 'NETWORK', status: 0, message: 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.' });

/**
 * What every answer goes through, whichever way it came (fetch, or XMLHttpRequest for an upload): the JSON body of
 * a success, or an `ApiError` with the server's Vietnamese message; a 401 also tells the app the session is gone.
 */
function readAnswer<T>(status: number, text: string, retryAfter: string | null, options: Pick<RequestOptions, 'quietUnauthenticated'>): T {
  if (status === 204) return undefined as T;
  let payload: unknown = null;
  if (text !== '') {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (status >= 200 && status < 300) return payload as T;

  const body = (
    payload as {
      error?: Partial<ApiError> & { code?: ErrorCode; fields?: FieldError[]; rule?: RuleRef; retryAfterSeconds?: number; duplicates?: PossibleDuplicate[] };
    } | null
  )?.error;
  const retryHeader = Number(retryAfter);
  const error = new ApiError({
    code: body?.code ?? codeForStatus(status),
    status,
    message: body?.message ?? fallbackMessages[status] ?? 'Máy chủ gặp lỗi. Vui lòng thử lại sau.',
    fields: body?.fields,
    rule: body?.rule,
    retryAfterSeconds: body?.retryAfterSeconds ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined),
    duplicates: body?.duplicates,
  });
  if (status === 401 && !options.quietUnauthenticated) unauthenticatedHandler?.();
  throw error;
}

async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  return readAnswer<T>(response.status, response.status === 204 ? '' : await response.text(), response.headers.get('retry-after'), options);
}

/**
 * Sends a file as the request body (no multipart) and reports the share sent, 0 to 1. Only the sending needs
 * XMLHttpRequest (fetch reports no upload progress); the answer is read like every other.
 */
function upload<T>(path: string, file: File, query: QueryParams, onProgress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}${buildQuery(query)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken !== null) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(readAnswer<T>(xhr.status, xhr.responseText, xhr.getResponseHeader('retry-after'), {}));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(networkError());
    xhr.send(file);
  });
}

// ---- Authentication ---------------------------------------------------------------------------

/** The current session, or null when nobody is signed in. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    const info = await request<SessionInfo>('GET', '/auth/session', { signal, quietUnauthenticated: true });
    setCsrfToken(info.csrfToken);
    return info;
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Before sign-in: whether this connection would send the password in clear text. */
export function fetchAuthStatus(signal?: AbortSignal): Promise<AuthStatus> {
  return request<AuthStatus>('GET', '/auth/status', { signal, quietUnauthenticated: true });
}

export async function login(input: LoginInput): Promise<SessionInfo> {
  const info = await request<SessionInfo>('POST', '/auth/login', { body: input, quietUnauthenticated: true });
  setCsrfToken(info.csrfToken);
  return info;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/auth/logout', { quietUnauthenticated: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function changePassword(input: PasswordChange): Promise<SessionInfo> {
  const info = await request<SessionInfo>('POST', '/auth/password', { body: input });
  setCsrfToken(info.csrfToken);
  return info;
}

// ---- Organisations ----------------------------------------------------------------------------

export interface OrgListQuery {
  parentId?: number;
  q?: string;
  asOf?: string;
  includeDissolved?: boolean;
}

export async function listOrgs(query: OrgListQuery, signal?: AbortSignal): Promise<OrgListItem[]> {
  const result = await request<{ items: OrgListItem[] }>('GET', '/orgs', { query: { ...query }, signal });
  return result.items;
}

export async function listOrgsAsOf(query: OrgListQuery & { asOf: string }, signal?: AbortSignal): Promise<OrgAsOfItem[]> {
  const result = await request<{ items: OrgAsOfItem[] }>('GET', '/orgs', { query: { ...query }, signal });
  return result.items;
}

export function getOrg(id: number, signal?: AbortSignal): Promise<OrgDetail> {
  return request<OrgDetail>('GET', `/orgs/${id}`, { signal });
}

export function getOrgHistory(id: number, signal?: AbortSignal): Promise<OrgEvent[]> {
  return request<OrgEvent[]>('GET', `/orgs/${id}/history`, { signal });
}

export function createOrg(input: OrgCreate): Promise<Org> {
  return request<Org>('POST', '/orgs', { body: input });
}

export function updateOrg(id: number, input: OrgUpdate): Promise<Org> {
  return request<Org>('PATCH', `/orgs/${id}`, { body: input });
}

export function recordOrgEvent(input: OrgEventInput): Promise<OrgEventRecorded> {
  return request<OrgEventRecorded>('POST', '/orgs/events', { body: input });
}

// ---- Members ----------------------------------------------------------------------------------

export interface MemberFilters {
  q?: string;
  orgId?: number;
  status?: MemberStatus;
  includeInactive?: boolean;
  gender?: Gender;
  ageBand?: AgeBand;
  theoryLevel?: TheoryLevel;
  unitType?: UnitType;
}

export function listMembers(query: MemberFilters & { page: number; pageSize: number }, signal?: AbortSignal): Promise<MemberPage> {
  return request<MemberPage>('GET', '/members', { query: { ...query }, signal });
}

/** A link, not a fetch: the browser downloads the file with the session cookie. */
export function membersExportUrl(filters: MemberFilters): string {
  return `${API_BASE}/members/export.xlsx${buildQuery({ ...filters })}`;
}

export function metricRecordsExportUrl(name: string, query: MetricQuery & { key?: string }): string {
  return `${API_BASE}/metrics/${encodeURIComponent(name)}/records.xlsx${buildQuery({ ...query })}`;
}

export function orgsExportUrl(query: { parentId?: number; includeDissolved?: boolean }): string {
  return `${API_BASE}/orgs/export.xlsx${buildQuery({ ...query })}`;
}

export function candidatesExportUrl(query: { orgId?: number; state?: string; includeClosed?: boolean }): string {
  return `${API_BASE}/candidates/export.xlsx${buildQuery({ ...query })}`;
}

export function transfersExportUrl(query: { orgId?: number; side?: string; state?: string; kind?: string; open?: boolean }): string {
  return `${API_BASE}/transfers/export.xlsx${buildQuery({ ...query })}`;
}

export const usersExportUrl = `${API_BASE}/users/export.xlsx`;
export const rulesExportUrl = `${API_BASE}/rules/export.xlsx`;

export function holidaysExportUrl(year: number): string {
  return `${API_BASE}/holidays/export.xlsx${buildQuery({ year })}`;
}

export function auditExportUrl(entity: string | null): string {
  return `${API_BASE}/audit/export.xlsx${buildQuery({ entity: entity ?? undefined })}`;
}

export function listCommittee(orgId: number, history: boolean, signal?: AbortSignal): Promise<CommitteeSeat[]> {
  return request<CommitteeSeat[]>('GET', `/orgs/${orgId}/committee`, { query: { history: history || undefined }, signal });
}

export function appointToCommittee(orgId: number, input: CommitteeAppointment): Promise<CommitteeSeatRecord> {
  return request<CommitteeSeatRecord>('POST', `/orgs/${orgId}/committee`, { body: input });
}

export function endCommitteeSeat(seatId: number, input: CommitteeEnd): Promise<CommitteeSeatRecord> {
  return request<CommitteeSeatRecord>('POST', `/committee-seats/${seatId}/end`, { body: input });
}

export function getMember(id: number, signal?: AbortSignal): Promise<Member> {
  return request<Member>('GET', `/members/${id}`, { signal });
}

export function createMember(input: MemberCreate): Promise<Member> {
  return request<Member>('POST', '/members', { body: input });
}

export function updateMember(id: number, input: MemberUpdate): Promise<Member> {
  return request<Member>('PATCH', `/members/${id}`, { body: input });
}

export function annulMemberEvent(memberId: number, eventId: number, input: EventAnnulmentInput): Promise<EventAnnulled> {
  return request<EventAnnulled>('POST', `/members/${memberId}/events/${eventId}/annul`, { body: input });
}

export function getMemberHistory(id: number, signal?: AbortSignal): Promise<MemberHistory> {
  return request<MemberHistory>('GET', `/members/${id}/history`, { signal });
}

export function getMemberAudit(id: number, signal?: AbortSignal): Promise<AuditEntry[]> {
  return request<AuditEntry[]>('GET', `/members/${id}/audit`, { signal });
}

// ---- Metrics and attention --------------------------------------------------------------------

export function listMetrics(signal?: AbortSignal): Promise<MetricInfo[]> {
  return request<MetricInfo[]>('GET', '/metrics', { signal });
}

export function getMetric(name: string, query: MetricQuery, signal?: AbortSignal): Promise<MetricResult> {
  return request<MetricResult>('GET', `/metrics/${encodeURIComponent(name)}`, { query: { ...query }, signal });
}

export function getMetricRecords(name: string, query: MetricQuery & { key?: string; page: number }, signal?: AbortSignal): Promise<MetricRecords> {
  return request<MetricRecords>('GET', `/metrics/${encodeURIComponent(name)}/records`, { query: { ...query }, signal });
}

export async function listAttention(query: { orgId?: number }, signal?: AbortSignal): Promise<AttentionItem[]> {
  return (await request<{ items: AttentionItem[] }>('GET', '/attention', { query: { ...query }, signal })).items;
}

// ---- Rulebook and holidays --------------------------------------------------------------------

export function listRules(signal?: AbortSignal): Promise<RuleView[]> {
  return request<RuleView[]>('GET', '/rules', { signal });
}

export function addRuleVersion(name: string, input: RuleVersionInput): Promise<RuleVersionRecord> {
  return request<RuleVersionRecord>('POST', `/rules/${encodeURIComponent(name)}/versions`, { body: input });
}

export function listHolidays(year: number, signal?: AbortSignal): Promise<Holiday[]> {
  return request<Holiday[]>('GET', '/holidays', { query: { year }, signal });
}

export function saveHoliday(date: string, input: HolidayInput): Promise<Holiday> {
  return request<Holiday>('PUT', `/holidays/${date}`, { body: input });
}

export function deactivateHoliday(date: string): Promise<Holiday> {
  return request<Holiday>('DELETE', `/holidays/${date}`);
}

// ---- Users ------------------------------------------------------------------------------------

export function listUsers(signal?: AbortSignal): Promise<UserItem[]> {
  return request<UserItem[]>('GET', '/users', { signal });
}

export function createUser(input: UserCreate): Promise<UserCreated> {
  return request<UserCreated>('POST', '/users', { body: input });
}

export function updateUser(id: number, input: UserUpdate): Promise<UserItem> {
  return request<UserItem>('PATCH', `/users/${id}`, { body: input });
}

export function resetUserPassword(id: number): Promise<UserPasswordReset> {
  return request<UserPasswordReset>('POST', `/users/${id}/reset-password`, { body: {} });
}

export function logoutUser(id: number): Promise<{ ended: number }> {
  return request<{ ended: number }>('POST', `/users/${id}/logout`, { body: {} });
}

export type { UserRole };

// ---- Audit log --------------------------------------------------------------------------------

export function listAudit(query: { beforeId?: number; entity?: string }, signal?: AbortSignal): Promise<AuditEntry[]> {
  return request<AuditEntry[]>('GET', '/audit', { query: { ...query }, signal });
}

export function verifyAudit(signal?: AbortSignal): Promise<ChainReport> {
  return request<ChainReport>('GET', '/audit/verify', { signal });
}

// ---- Admissions and confirmation --------------------------------------------------------------

export function listCandidates(
  query: { orgId?: number; state?: CandidateState; includeClosed?: boolean; page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<CandidatePage> {
  return request<CandidatePage>('GET', '/candidates', { query: { ...query }, signal });
}

export function getCandidate(id: number, signal?: AbortSignal): Promise<CandidateDetail> {
  return request<CandidateDetail>('GET', `/candidates/${id}`, { signal });
}

export function createCandidate(input: CandidateCreate): Promise<CandidateDetail> {
  return request<CandidateDetail>('POST', '/candidates', { body: input });
}

export function updateCandidate(id: number, input: CandidateUpdate): Promise<CandidateDetail> {
  return request<CandidateDetail>('PATCH', `/candidates/${id}`, { body: input });
}

export type AdmissionStepPath = 'cell-resolution' | 'committee-resolution' | 'decision' | 'ceremony' | 'close';
type AdmissionStepInput = CellResolutionInput | CommitteeResolutionInput | AdmissionDecisionInput | CeremonyInput | CandidateCloseInput;

export function recordAdmissionStep(id: number, step: AdmissionStepPath, input: AdmissionStepInput): Promise<CandidateDetail> {
  return request<CandidateDetail>('POST', `/candidates/${id}/${step}`, { body: input });
}

/** A link, not a fetch: the browser downloads the .docx with the session cookie. */
export function admissionDecisionUrl(candidateId: number): string {
  return `${API_BASE}/candidates/${candidateId}/admission-decision.docx`;
}

export function getProbation(memberId: number, signal?: AbortSignal): Promise<ProbationView> {
  return request<ProbationView>('GET', `/members/${memberId}/probation`, { signal });
}

export function recordProbationReview(memberId: number, input: ProbationReviewInput): Promise<ProbationView> {
  return request<ProbationView>('POST', `/members/${memberId}/probation/reviews`, { body: input });
}

export function decideProbation(memberId: number, input: ProbationDecisionInput): Promise<ProbationView> {
  return request<ProbationView>('POST', `/members/${memberId}/probation/decision`, { body: input });
}

export function confirmationDecisionUrl(memberId: number): string {
  return `${API_BASE}/members/${memberId}/probation/confirmation-decision.docx`;
}

// ---- Transfers, exits and party age ------------------------------------------------------------

export function listTransfers(
  query: Partial<Omit<TransferListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<TransferPage> {
  return request<TransferPage>('GET', '/transfers', { query: { ...query }, signal });
}

export function getTransfer(id: number, signal?: AbortSignal): Promise<TransferDetail> {
  return request<TransferDetail>('GET', `/transfers/${id}`, { signal });
}

export function createTransfer(input: TransferCreate): Promise<TransferDetail> {
  return request<TransferDetail>('POST', '/transfers', { body: input });
}

export function issueTransferLetter(id: number, input: TransferLetterIssue): Promise<TransferDetail> {
  return request<TransferDetail>('POST', `/transfers/${id}/letter`, { body: input });
}

export function confirmTransferReceipt(id: number, input: TransferReceipt): Promise<TransferDetail> {
  return request<TransferDetail>('POST', `/transfers/${id}/receipt`, { body: input });
}

export function recordTransferReturn(id: number, input: TransferReturn): Promise<TransferDetail> {
  return request<TransferDetail>('POST', `/transfers/${id}/return`, { body: input });
}

export function cancelTransfer(id: number, input: TransferCancel): Promise<TransferDetail> {
  return request<TransferDetail>('POST', `/transfers/${id}/cancel`, { body: input });
}

/** A link, not a fetch: the browser downloads the letter with the session cookie. */
export function transferLetterUrl(id: number): string {
  return `${API_BASE}/transfers/${id}/letter.docx`;
}

export async function listDestinations(q: string, signal?: AbortSignal): Promise<DestinationOrg[]> {
  return (await request<{ items: DestinationOrg[] }>('GET', '/transfers/destinations', { query: { q }, signal })).items;
}

export function recordExit(memberId: number, input: ExitInput): Promise<MembershipEventRecorded> {
  return request<MembershipEventRecorded>('POST', `/members/${memberId}/exits`, { body: input });
}

export function getPartyAge(memberId: number, signal?: AbortSignal): Promise<PartyAgeResult> {
  return request<PartyAgeResult>('GET', `/members/${memberId}/party-age`, { signal });
}

// ---- Imports ----------------------------------------------------------------------------------

export function uploadImportFile(file: File, onProgress: (share: number) => void): Promise<ImportJob> {
  return upload<ImportJob>('/imports', file, { filename: file.name }, onProgress);
}

export function fetchImportJob(id: number, signal?: AbortSignal): Promise<ImportJob> {
  return request<ImportJob>('GET', `/imports/${id}`, { signal });
}

export function listImportJobs(signal?: AbortSignal): Promise<{ items: ImportListItem[] }> {
  return request<{ items: ImportListItem[] }>('GET', '/imports', { signal });
}

export function confirmImportMapping(id: number, input: ImportMappingInput): Promise<ImportJob> {
  return request<ImportJob>('PUT', `/imports/${id}/mapping`, { body: input });
}

export function commitImportJob(id: number, input: ImportCommitInput): Promise<ImportJob> {
  return request<ImportJob>('POST', `/imports/${id}/commit`, { body: input });
}

export function recheckImportJob(id: number): Promise<ImportJob> {
  return request<ImportJob>('POST', `/imports/${id}/check`);
}

export const importTemplateUrl = `${API_BASE}/imports/template.xlsx`;
export const importExportUrl = `${API_BASE}/imports/export.xlsx`;
export const importProblemsUrl = (id: number) => `${API_BASE}/imports/${id}/problems.xlsx`;

// targets
export function listTargets(query: { orgId?: number; year?: number }, signal?: AbortSignal): Promise<{ year: number; items: Target[] }> {
  return request<{ year: number; items: Target[] }>('GET', '/targets', { query, signal });
}
export function listTasks(query: { orgId?: number; year?: number }, signal?: AbortSignal): Promise<{ year: number; items: Task[] }> {
  return request<{ year: number; items: Task[] }>('GET', '/tasks', { query, signal });
}
export function listProposals(query: { orgId?: number; direction?: 'sent' | 'received' | 'all' }, signal?: AbortSignal): Promise<{ items: Proposal[] }> {
  return request<{ items: Proposal[] }>('GET', '/proposals', { query, signal });
}
export const targetsExportUrl = (query: { orgId?: number; year?: number }) => `${API_BASE}/targets/export.xlsx${buildQuery(query)}`;
export const tasksExportUrl = (query: { orgId?: number; year?: number }) => `${API_BASE}/tasks/export.xlsx${buildQuery(query)}`;
export const proposalsExportUrl = (query: { orgId?: number; direction?: string }) => `${API_BASE}/proposals/export.xlsx${buildQuery(query)}`;
export function createTarget(input: TargetCreate): Promise<Target> {
  return request<Target>('POST', '/targets', { body: input });
}
export function createTask(input: TaskCreate): Promise<Task> {
  return request<Task>('POST', '/tasks', { body: input });
}
export function updateTask(id: number, input: TaskUpdate): Promise<Task> {
  return request<Task>('PATCH', `/tasks/${id}`, { body: input });
}
export function updateTarget(id: number, input: TargetUpdate): Promise<Target> {
  return request<Target>('PATCH', `/targets/${id}`, { body: input });
}
export function listCultureStandard(query: { orgId?: number; year?: number }, signal?: AbortSignal): Promise<CultureStandardList> {
  return request<CultureStandardList>('GET', '/culture-standard', { query, signal });
}
export function recordCultureStandard(input: CultureStandardInput): Promise<unknown> {
  return request<unknown>('POST', '/culture-standard', { body: input });
}
export function createProposal(input: ProposalCreate): Promise<Proposal> {
  return request<Proposal>('POST', '/proposals', { body: input });
}
export function answerProposal(id: number, input: ProposalAnswer): Promise<Proposal> {
  return request<Proposal>('POST', `/proposals/${id}/answer`, { body: input });
}
export function updateProposal(id: number, input: ProposalUpdate): Promise<Proposal> {
  return request<Proposal>('PATCH', `/proposals/${id}`, { body: input });
}
// dues
export function getDuesSheet(orgId: number, month: string, signal?: AbortSignal): Promise<DuesSheet> {
  return request<DuesSheet>('GET', `/orgs/${orgId}/dues-sheet`, { query: { month }, signal });
}

export function recordDuesSheet(orgId: number, input: z.input<typeof duesSheetInput>): Promise<{ recorded: number; sheet: DuesSheet }> {
  return request('POST', `/orgs/${orgId}/dues-sheet`, { body: input });
}

export function listDuesArrears(orgId: number, year: number, signal?: AbortSignal): Promise<z.infer<typeof duesArrearsList>> {
  return request('GET', `/orgs/${orgId}/dues-arrears`, { query: { year }, signal });
}

export function getMemberDues(memberId: number, year: number | undefined, signal?: AbortSignal): Promise<z.input<typeof memberDues>> {
  return request('GET', `/members/${memberId}/dues`, { query: { year }, signal });
}

export function duesStatementUrl(orgId: number, format: 'xlsx' | 'docx', query: { year: number; month?: number }): string {
  return `${API_BASE}/orgs/${orgId}/dues-statement.${format}${buildQuery(query)}`;
}

export function listBadgeCandidates(orgId: number, awardOn: string | undefined, signal?: AbortSignal): Promise<BadgeList> {
  return request<BadgeList>('GET', `/orgs/${orgId}/badges`, { query: { awardOn }, signal });
}

export function badgeListUrl(orgId: number, format: 'xlsx' | 'docx', awardOn: string): string {
  return `${API_BASE}/orgs/${orgId}/badges.${format}${buildQuery({ awardOn })}`;
}
// ---- Inspection and supervision (inspection) --------------------------------------------------

export function listInspectionCases(
  query: Partial<Omit<CaseListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<CasePage> {
  return request<CasePage>('GET', '/inspection-cases', { query: { ...query }, signal });
}

export function getInspectionCase(id: number, signal?: AbortSignal): Promise<CaseDetail> {
  return request<CaseDetail>('GET', `/inspection-cases/${id}`, { signal });
}

export function recordInspectionStep(id: number, input: CaseStepInput): Promise<CaseDetail> {
  return request<CaseDetail>('POST', `/inspection-cases/${id}/steps`, { body: input });
}

export function inspectionPaperUrl(id: number, which: 'decision' | 'conclusion-notice'): string {
  return `${API_BASE}/inspection-cases/${id}/${which}.docx`;
}

export function listInspectionPlans(signal?: AbortSignal): Promise<{ items: PlanSummary[] }> {
  return request<{ items: PlanSummary[] }>('GET', '/inspection-plans', { signal });
}

export function getInspectionPlan(id: number, signal?: AbortSignal): Promise<PlanDetail> {
  return request<PlanDetail>('GET', `/inspection-plans/${id}`, { signal });
}

export function listDenunciations(signal?: AbortSignal): Promise<{ items: DenunciationSummary[] }> {
  return request<{ items: DenunciationSummary[] }>('GET', '/denunciations', { signal });
}

export function getDenunciation(id: number, signal?: AbortSignal): Promise<DenunciationDetail> {
  return request<DenunciationDetail>('GET', `/denunciations/${id}`, { signal });
}

export function memberInspectionCases(memberId: number, signal?: AbortSignal): Promise<CaseSummary[]> {
  return request<CaseSummary[]>('GET', `/members/${memberId}/inspection-cases`, { signal });
}

export function orgInspectionCases(orgId: number, signal?: AbortSignal): Promise<CaseSummary[]> {
  return request<CaseSummary[]>('GET', `/orgs/${orgId}/inspection-cases`, { signal });
}

export function openInspectionCase(input: z.input<typeof caseCreate>): Promise<CaseDetail> {
  return request<CaseDetail>('POST', '/inspection-cases', { body: input });
}

export function createInspectionPlan(input: z.input<typeof planCreate>): Promise<PlanDetail> {
  return request<PlanDetail>('POST', '/inspection-plans', { body: input });
}

export function addInspectionPlanItem(planId: number, input: z.input<typeof planItemCreate>): Promise<PlanDetail> {
  return request<PlanDetail>('POST', `/inspection-plans/${planId}/items`, { body: input });
}

export function approveInspectionPlan(planId: number, input: PlanApproval): Promise<PlanDetail> {
  return request<PlanDetail>('POST', `/inspection-plans/${planId}/approve`, { body: input });
}

export function registerDenunciation(input: z.input<typeof denunciationCreate>): Promise<DenunciationDetail> {
  return request<DenunciationDetail>('POST', '/denunciations', { body: input });
}

export function recordDenunciationEntry(id: number, input: DenunciationEntryInput): Promise<DenunciationDetail> {
  return request<DenunciationDetail>('POST', `/denunciations/${id}/entries`, { body: input });
}
type MeetingPage = { items: MeetingListItem[]; total: number; page: number; pageSize: number };

// ---- Meetings ------------------------------------------------------------------------------------

export function listMeetings(query: Partial<Omit<MeetingListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number }, signal?: AbortSignal) {
  return request<MeetingPage>('GET', '/meetings', { query: { ...query }, signal });
}

export function meetingsExportUrl(query: Partial<Omit<MeetingListQuery, 'page' | 'pageSize'>>): string {
  return `${API_BASE}/meetings/export.xlsx${buildQuery({ ...query })}`;
}

export function getMeeting(id: number, signal?: AbortSignal): Promise<MeetingDetail> {
  return request<MeetingDetail>('GET', `/meetings/${id}`, { signal });
}

export function planMeeting(input: MeetingPlanInput): Promise<MeetingDetail> {
  return request<MeetingDetail>('POST', '/meetings', { body: input });
}

/** Changes a planned meeting: only the fields given, at the version read (a stale edit answers 409). */
export function updateMeeting(id: number, input: MeetingUpdateInput): Promise<MeetingDetail> {
  return request<MeetingDetail>('PATCH', `/meetings/${id}`, { body: input });
}

export function recordMeetingHeld(id: number, input: MeetingHeldInput): Promise<MeetingDetail> {
  return request<MeetingDetail>('POST', `/meetings/${id}/held`, { body: input });
}

export function cancelMeeting(id: number, input: MeetingCancelInput): Promise<MeetingDetail> {
  return request<MeetingDetail>('POST', `/meetings/${id}/cancel`, { body: input });
}

/** The minutes file itself as the body (PUT), checked by the server by its content. */
export async function uploadMeetingMinutes(id: number, file: File, version: number): Promise<MeetingDetail> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/meetings/${id}/minutes${buildQuery({ filename: file.name, version })}`, {
      method: 'PUT',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw networkError();
  }
  return readAnswer<MeetingDetail>(response.status, await response.text(), response.headers.get('retry-after'), {});
}

export const meetingMinutesUrl = (id: number) => `${API_BASE}/meetings/${id}/minutes`;
export const meetingNoticeUrl = (id: number) => `${API_BASE}/meetings/${id}/notice.docx`;
export const meetingMinutesTemplateUrl = (id: number) => `${API_BASE}/meetings/${id}/minutes-template.docx`;

export function getMeetingCompliance(query: { orgId?: number; year: number }, signal?: AbortSignal): Promise<ComplianceTable> {
  return request<ComplianceTable>('GET', '/meetings/compliance', { query: { ...query }, signal });
}

export const meetingComplianceExportUrl = (query: { orgId?: number; year: number }) => `${API_BASE}/meetings/compliance.xlsx${buildQuery({ ...query })}`;

export function getQualitySheet(date: string, signal?: AbortSignal): Promise<QualitySheet> {
  return request<QualitySheet>('GET', '/meetings/quality-sheet', { query: { date }, signal });
}

export function getMyMeetings(signal?: AbortSignal): Promise<MyMeetings> {
  return request<MyMeetings>('GET', '/me/meetings', { signal });
}

export function createCalendarFeed(): Promise<{ url: string; path: string }> {
  return request<{ url: string; path: string }>('POST', '/me/calendar-feed');
}

export function revokeCalendarFeed(): Promise<{ ok: boolean }> {
  return request<{ ok: boolean }>('DELETE', '/me/calendar-feed');
}
// ---- study: documents library, study coverage ------------------------------------------------

export interface PartyDocumentPage {
  items: PartyDocument[];
  total: number;
  page: number;
  pageSize: number;
}

export function listPartyDocuments(query: { orgId?: number; kind?: string; year?: number; page: number; pageSize: number }, signal?: AbortSignal) {
  return request<PartyDocumentPage>('GET', '/party-documents', { query: { ...query }, signal });
}

export function listStudyRequirements(documentId: number, signal?: AbortSignal) {
  return request<{ items: StudyRequirement[] }>('GET', `/party-documents/${documentId}/requirements`, { signal });
}

export function fetchStudyCoverage(requirementId: number, signal?: AbortSignal) {
  return request<StudyCoverage>('GET', `/study-requirements/${requirementId}/coverage`, { signal });
}

export const studyCoverageExportUrl = (requirementId: number) => `${API_BASE}/study-requirements/${requirementId}/coverage.xlsx`;

export function createPartyDocument(input: z.input<typeof partyDocumentCreate>): Promise<PartyDocument> {
  return request<PartyDocument>('POST', '/party-documents', { body: input });
}

export function getPartyDocument(id: number, signal?: AbortSignal): Promise<PartyDocument> {
  return request<PartyDocument>('GET', `/party-documents/${id}`, { signal });
}

/** The document's file itself as the body, checked by the server by its content (PDF or .docx). */
export async function uploadPartyDocumentFile(id: number, file: File, version: number): Promise<PartyDocument> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/party-documents/${id}/file${buildQuery({ filename: file.name, version })}`, {
      method: 'POST',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw networkError();
  }
  return readAnswer<PartyDocument>(response.status, await response.text(), response.headers.get('retry-after'), {});
}

export const partyDocumentFileUrl = (id: number) => `${API_BASE}/party-documents/${id}/file`;

export function createStudyRequirement(documentId: number, input: z.input<typeof studyRequirementCreate>): Promise<StudyRequirement> {
  return request<StudyRequirement>('POST', `/party-documents/${documentId}/requirements`, { body: input });
}

export function listStudySessions(query: { orgId?: number; documentId?: number }, signal?: AbortSignal) {
  return request<{ items: StudySession[] }>('GET', '/study-sessions', { query: { ...query }, signal });
}

export function createStudySession(input: z.input<typeof studySessionCreate>): Promise<StudySession> {
  return request<StudySession>('POST', '/study-sessions', { body: input });
}

export function getMyStudy(signal?: AbortSignal) {
  return request<z.input<typeof myStudyList>>('GET', '/me/study', { signal });
}

export function confirmSelfStudy(input: SelfStudyCreate) {
  return request<z.input<typeof selfStudyRecord>>('POST', '/me/self-study', { body: input });
}

export type CommitteeTermView = z.input<typeof committeeTerm>;
export type CommitteeReformView = z.input<typeof committeeReform>;

export function listCommitteeTerms(orgId: number, signal?: AbortSignal) {
  return request<{ items: CommitteeTermView[] }>('GET', `/orgs/${orgId}/terms`, { signal });
}

export function createCommitteeTerm(orgId: number, input: z.input<typeof committeeTermCreate>): Promise<CommitteeTermView> {
  return request<CommitteeTermView>('POST', `/orgs/${orgId}/terms`, { body: input });
}

export function listCommitteeReforms(orgId: number, signal?: AbortSignal) {
  return request<{ items: CommitteeReformView[] }>('GET', `/orgs/${orgId}/committee-reforms`, { signal });
}

export function recordCommitteeReform(orgId: number, input: z.input<typeof committeeReformCreate>): Promise<CommitteeReformView> {
  return request<CommitteeReformView>('POST', `/orgs/${orgId}/committee-reforms`, { body: input });
}

export function listCommitteeChecks(orgId: number | undefined, signal?: AbortSignal) {
  return request<z.input<typeof committeeSizeFlagList>>('GET', '/committee-checks', { query: { orgId }, signal });
}
// ---- Discipline -------------------------------------------------------------------------------

export type SanctionPage = z.input<typeof sanctionPage>;
export type SanctionDetailView = z.input<typeof sanctionDetail>;
export type AppealItem = z.input<typeof appealList>['items'][number];
export type NoticeItem = z.input<typeof noticeView>;

export function listSanctions(query: Partial<SanctionListQuery>, signal?: AbortSignal): Promise<SanctionPage> {
  return request<SanctionPage>('GET', '/sanctions', { query: { ...query }, signal });
}

export function getSanction(id: number, signal?: AbortSignal): Promise<SanctionDetailView> {
  return request<SanctionDetailView>('GET', `/sanctions/${id}`, { signal });
}

export function proposeSanction(input: z.input<typeof sanctionProposalInput>): Promise<SanctionDetailView> {
  return request<SanctionDetailView>('POST', '/sanctions', { body: input });
}

export function decideSanction(id: number, input: z.input<typeof sanctionDecisionInput>): Promise<SanctionDetailView> {
  return request<SanctionDetailView>('POST', `/sanctions/${id}/decision`, { body: input });
}

export function receiveAppeal(sanctionId: number, input: AppealInput): Promise<SanctionDetailView> {
  return request<SanctionDetailView>('POST', `/sanctions/${sanctionId}/appeals`, { body: input });
}

export function decideAppeal(appealId: number, input: z.input<typeof appealDecisionInput>): Promise<SanctionDetailView> {
  return request<SanctionDetailView>('POST', `/appeals/${appealId}/decision`, { body: input });
}

export function withdrawSanction(id: number, input: SanctionWithdrawalInput): Promise<SanctionDetailView> {
  return request<SanctionDetailView>('POST', `/sanctions/${id}/withdrawal`, { body: input });
}

export function sanctionsExportUrl(query: Partial<Omit<SanctionListQuery, 'page' | 'pageSize'>>): string {
  return `${API_BASE}/sanctions/export.xlsx${buildQuery({ ...query })}`;
}

export async function listAppeals(signal?: AbortSignal): Promise<AppealItem[]> {
  return (await request<{ items: AppealItem[] }>('GET', '/appeals', { signal })).items;
}

export async function listMemberSanctions(memberId: number, signal?: AbortSignal): Promise<SanctionPage['items']> {
  return (await request<{ items: SanctionPage['items'] }>('GET', `/members/${memberId}/sanctions`, { signal })).items;
}

export async function listDisciplineNotices(signal?: AbortSignal): Promise<NoticeItem[]> {
  return (await request<{ items: NoticeItem[] }>('GET', '/discipline-notices', { signal })).items;
}

export function disciplineDecisionUrl(sanctionId: number): string {
  return `${API_BASE}/sanctions/${sanctionId}/decision.docx`;
}
// ---- Ratings ----------------------------------------------------------------------------------

export function listRatingRounds(orgId: number | undefined, signal?: AbortSignal): Promise<RatingRound[]> {
  return request<RatingRound[]>('GET', '/rating-rounds', { query: { orgId }, signal });
}

export function getRatingRound(id: number, signal?: AbortSignal): Promise<RatingRound> {
  return request<RatingRound>('GET', `/rating-rounds/${id}`, { signal });
}

export function openRatingRound(input: RatingRoundCreate): Promise<RatingRound> {
  return request<RatingRound>('POST', '/rating-rounds', { body: input });
}

export function closeRatingRound(id: number, input: RatingRoundClose): Promise<RatingRound> {
  return request<RatingRound>('POST', `/rating-rounds/${id}/close`, { body: input });
}

export function listMemberRatings(roundId: number, orgId: number | undefined, signal?: AbortSignal): Promise<MemberRating[]> {
  return request<MemberRating[]>('GET', `/rating-rounds/${roundId}/members`, { query: { orgId }, signal });
}

export function listOrgRatings(roundId: number, signal?: AbortSignal): Promise<OrgRating[]> {
  return request<OrgRating[]>('GET', `/rating-rounds/${roundId}/orgs`, { signal });
}

export function ratingQuotaUse(roundId: number, signal?: AbortSignal): Promise<QuotaUse[]> {
  return request<QuotaUse[]>('GET', `/rating-rounds/${roundId}/quota`, { signal });
}

export function myRatings(signal?: AbortSignal): Promise<MemberRating[]> {
  return request<MemberRating[]>('GET', '/me/ratings', { signal });
}

export function selfAssessMember(id: number, input: SelfAssessment): Promise<MemberRating> {
  return request<MemberRating>('POST', `/member-ratings/${id}/self-assessment`, { body: input });
}

export function proposeMemberRating(id: number, input: MemberRatingProposal): Promise<MemberRating> {
  return request<MemberRating>('POST', `/member-ratings/${id}/proposal`, { body: input });
}

export function decideMemberRating(id: number, input: MemberRatingDecision): Promise<MemberRating> {
  return request<MemberRating>('POST', `/member-ratings/${id}/decision`, { body: input });
}

export function excuseMemberRating(id: number, input: MemberRatingExcuse): Promise<MemberRating> {
  return request<MemberRating>('POST', `/member-ratings/${id}/excuse`, { body: input });
}

export function decideOrgRating(id: number, input: OrgRatingDecision): Promise<OrgRating> {
  return request<OrgRating>('POST', `/org-ratings/${id}/decision`, { body: input });
}

export const ratingExportUrl = (id: number) => `${API_BASE}/rating-rounds/${id}/export.xlsx`;
export const ratingSummaryUrl = (id: number) => `${API_BASE}/rating-rounds/${id}/summary.docx`;
export const ratingDecisionListUrl = (id: number) => `${API_BASE}/rating-rounds/${id}/decision-list.docx`;
// reports
export type ReportView = z.input<typeof reportSchema>;
export function listReports(query: { orgId?: number; year?: number }, signal?: AbortSignal): Promise<{ items: ReportSummary[] }> {
  return request<{ items: ReportSummary[] }>('GET', '/reports', { query, signal });
}
export function getReport(id: number, signal?: AbortSignal): Promise<ReportView> {
  return request<ReportView>('GET', `/reports/${id}`, { signal });
}
export function createReport(input: z.input<typeof reportCreate>): Promise<ReportView> {
  return request<ReportView>('POST', '/reports', { body: input });
}
export function updateReport(id: number, input: ReportUpdate): Promise<ReportView> {
  return request<ReportView>('PATCH', `/reports/${id}`, { body: input });
}
export function issueReport(id: number, input: ReportIssue): Promise<ReportView> {
  return request<ReportView>('POST', `/reports/${id}/issue`, { body: input });
}
export function reviewReport(id: number, input: ReportReview): Promise<ReportView> {
  return request<ReportView>('POST', `/reports/${id}/review`, { body: input });
}
export function returnReport(id: number, input: ReportReturn): Promise<ReportView> {
  return request<ReportView>('POST', `/reports/${id}/return`, { body: input });
}
export function submitReport(id: number, input: ReportSubmit): Promise<ReportView> {
  return request<ReportView>('POST', `/reports/${id}/submit`, { body: input });
}
export function getReportChanges(id: number, signal?: AbortSignal): Promise<ReportChanges> {
  return request<ReportChanges>('GET', `/reports/${id}/changes`, { signal });
}
export function listReportSubmissions(query: { orgId: number; year: number }, signal?: AbortSignal): Promise<SubmissionList> {
  return request<SubmissionList>('GET', '/reports/submissions', { query, signal });
}
export function getReportRollUp(query: { orgId: number; year: number }, signal?: AbortSignal): Promise<ReportRollUp> {
  return request<ReportRollUp>('GET', '/reports/roll-up', { query, signal });
}
export const reportDocxUrl = (id: number) => `${API_BASE}/reports/${id}/report.docx`;
export const reportXlsxUrl = (id: number) => `${API_BASE}/reports/${id}/report.xlsx`;

// portal
export type ArticleView = z.input<typeof articleSchema>;
export type ArticleListPage = z.input<typeof articleListSchema>;
export function listPortalCategories(signal?: AbortSignal): Promise<{ items: PortalCategory[] }> {
  return request<{ items: PortalCategory[] }>('GET', '/portal/categories', { signal });
}
export function listPortalArticles(query: Partial<ArticleListQuery>, signal?: AbortSignal): Promise<ArticleListPage> {
  return request<ArticleListPage>('GET', '/portal/articles', { query, signal });
}
export function getPortalArticle(id: number, signal?: AbortSignal): Promise<ArticleView> {
  return request<ArticleView>('GET', `/portal/articles/${id}`, { signal });
}
export function createPortalArticle(input: z.input<typeof articleCreate>): Promise<ArticleView> {
  return request<ArticleView>('POST', '/portal/articles', { body: input });
}
/** Only the fields that changed, with the version the editor read (a stale one is refused with 409). */
export function updatePortalArticle(id: number, input: ArticleUpdate): Promise<ArticleView> {
  return request<ArticleView>('PATCH', `/portal/articles/${id}`, { body: input });
}
export function stepPortalArticle(id: number, action: ArticleAction, input: z.input<typeof articleStep>): Promise<ArticleView> {
  return request<ArticleView>('POST', `/portal/articles/${id}/${action}`, { body: input });
}

export type PortalImageView = z.input<typeof portalImageSchema>;
/** A photo for a section (and its article): the image itself as the body, alt text and caption beside it; checked by content on the server. */
export async function uploadPortalImage(categoryId: number, file: File, text: { alt: string; caption: string; articleId?: number }): Promise<PortalImageView> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/portal/categories/${categoryId}/images${buildQuery({ filename: file.name, ...text })}`, {
      method: 'POST',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw networkError();
  }
  return readAnswer<PortalImageView>(response.status, await response.text(), response.headers.get('retry-after'), {});
}
/** "Draft an article" from the year's report: a draft with the report's figures, in a section the editor writes in. */
export function draftPortalArticleFromReport(input: ArticleFromReport): Promise<ArticleView> {
  return request<ArticleView>('POST', '/portal/articles/from-report', { body: input });
}
