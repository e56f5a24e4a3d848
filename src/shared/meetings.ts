import { z } from 'zod';
import { isoDateSchema } from './org.js';
import { storedFile } from './files.js';
import { day, pageOf, timestamp } from './responses.js';

/** GLOSSARY `meeting`: regular (định kỳ), thematic (chuyên đề), extraordinary (bất thường); and a committee's own meeting. */
export const meetingKinds = ['regular', 'thematic', 'extraordinary', 'committee'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, string> = {
  regular: 'Sinh hoạt thường kỳ',
  thematic: 'Sinh hoạt chuyên đề',
  extraordinary: 'Sinh hoạt bất thường',
  committee: 'Họp cấp ủy',
};

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatusLabels: Record<MeetingStatus, string> = { planned: 'Đã lên lịch', held: 'Đã họp', cancelled: 'Đã hủy' };

/** `away`: on temporary transfer elsewhere that day, listed apart and never counted absent. */
export const attendanceStatuses = ['present', 'excused', 'absent', 'away'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceStatusLabels: Record<AttendanceStatus, string> = {
  present: 'Có mặt',
  excused: 'Vắng có lý do',
  absent: 'Vắng không lý do',
  away: 'Đang chuyển sinh hoạt tạm thời',
};

const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^$/, 'Giờ họp có dạng hh:mm, ví dụ 14:00');
const memberRef = z.number().int().positive();
const documentIds = z.array(z.number().int().positive()).max(50, 'Tối đa 50 văn bản');

/** Planning a meeting (create: defaults allowed). */
export const meetingPlanInput = z.object({
  orgId: z.number().int().positive(),
  kind: z.enum(meetingKinds, { error: 'Loại cuộc họp không hợp lệ' }),
  meetingOn: isoDateSchema,
  startTime: time.default(''),
  place: z.string().trim().max(300).default(''),
  chairMemberId: memberRef.nullable().default(null),
  minuteTakerMemberId: memberRef.nullable().default(null),
  agenda: z.string().trim().max(5000).default(''),
  topic: z.string().trim().max(500).default(''),
  documentIds: documentIds.default([]),
});
export type MeetingPlanInput = z.input<typeof meetingPlanInput>;

/** Changing a planned meeting (no defaults: only what is sent changes). */
export const meetingUpdateInput = z.object({
  version: z.number().int(),
  meetingOn: isoDateSchema.optional(),
  startTime: time.optional(),
  place: z.string().trim().max(300).optional(),
  chairMemberId: memberRef.nullable().optional(),
  minuteTakerMemberId: memberRef.nullable().optional(),
  agenda: z.string().trim().max(5000).optional(),
  topic: z.string().trim().max(500).optional(),
  documentIds: documentIds.optional(),
});
export type MeetingUpdateInput = z.infer<typeof meetingUpdateInput>;

export const attendanceInput = z.object({
  memberId: memberRef,
  status: z.enum(['present', 'excused', 'absent'], { error: 'Tình trạng dự họp không hợp lệ' }),
  reason: z.string().trim().max(300).optional(),
});

/** Recording a planned meeting as held: who came, what was concluded, the self-assessed score. */
export const meetingHeldInput = z.object({
  version: z.number().int(),
  meetingOn: isoDateSchema.optional(),
  chairMemberId: memberRef.nullable().optional(),
  minuteTakerMemberId: memberRef.nullable().optional(),
  attendance: z.array(attendanceInput).max(2000),
  guests: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
  conclusions: z.string().trim().max(10000).optional(),
  documentIds: documentIds.optional(),
  qualityScores: z.record(z.string(), z.number().int().min(0).max(100)).optional(),
});
export type MeetingHeldInput = z.infer<typeof meetingHeldInput>;

export const meetingCancelInput = z.object({ version: z.number().int(), reason: z.string().trim().min(3, 'Hãy ghi lý do hủy').max(300) });
export type MeetingCancelInput = z.infer<typeof meetingCancelInput>;

export const meetingListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  kind: z.enum(meetingKinds).optional(),
  status: z.enum(meetingStatuses).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

export const minutesUploadQuery = z.object({
  filename: z.string().trim().min(1, 'Thiếu tên tệp').max(255),
  version: z.coerce.number().int(),
});

const counts = z.object({ expected: z.number().int(), present: z.number().int(), excused: z.number().int(), absent: z.number().int(), away: z.number().int() });

export const meetingListItem = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: z.enum(meetingKinds),
  status: z.enum(meetingStatuses),
  meetingOn: day,
  startTime: z.string(),
  place: z.string(),
  topic: z.string(),
  qualityScore: z.number().int().nullable(),
  counts,
  hasMinutes: z.boolean(),
  version: z.number().int(),
});
export type MeetingListItem = z.infer<typeof meetingListItem>;
export const meetingList = pageOf(meetingListItem);

export const attendanceRow = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  status: z.enum(attendanceStatuses).nullable(),
  reason: z.string().nullable(),
});
export type AttendanceRow = z.infer<typeof attendanceRow>;

export const meetingDetail = meetingListItem.extend({
  chairMemberId: z.number().int().nullable(),
  chairName: z.string().nullable(),
  minuteTakerMemberId: z.number().int().nullable(),
  minuteTakerName: z.string().nullable(),
  agenda: z.string(),
  conclusions: z.string(),
  guests: z.array(z.string()),
  documentIds: z.array(z.number().int()),
  /** The same documents as a reader names them (number and code, date, title). */
  documents: z.array(z.object({ id: z.number().int(), code: z.string(), issuedOn: day, title: z.string() })),
  qualityScores: z.record(z.string(), z.number()).nullable(),
  qualitySheetSource: z.string().nullable(),
  cancelReason: z.string().nullable(),
  minutes: storedFile.nullable(),
  /** Held: the recorded attendance. Planned: the members expected on the meeting date (status null, or `away`). */
  attendance: z.array(attendanceRow),
  recordedAt: timestamp.nullable(),
});
export type MeetingDetail = z.input<typeof meetingDetail>;

/** The rulebook's quality sheet as the form shows it. */
export const qualitySheet = z.object({
  criteria: z.array(z.object({ key: z.string(), label: z.string(), maxPoints: z.number().int() })),
  source: z.string(),
  unconfirmed: z.boolean(),
});
export type QualitySheet = z.infer<typeof qualitySheet>;
export const qualitySheetQuery = z.object({ date: isoDateSchema });

// ---- Compliance ------------------------------------------------------------------------------------------------

/** A month's (or quarter's) standing: held, missing (period over and grace passed), late (over, in grace), open, not counted. */
export const complianceCells = ['held', 'missing', 'grace', 'open', 'none'] as const;
export type ComplianceCell = (typeof complianceCells)[number];

export const complianceQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type ComplianceQuery = z.infer<typeof complianceQuery>;

export const complianceRow = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  kind: z.string(),
  /** 12 entries, January first. */
  months: z.array(z.enum(complianceCells)),
  /** 4 entries. */
  quarters: z.array(z.enum(complianceCells)),
  /** Grassroots committees: committee meetings held in the year and the rulebook's minimum. */
  committeeMeetings: z.number().int().nullable(),
  committeeMinimum: z.number().int().nullable(),
  attendanceRate: z.number().nullable(),
});
export type ComplianceRow = z.infer<typeof complianceRow>;

export const complianceTable = z.object({
  year: z.number().int(),
  graceWorkingDays: z.number().int(),
  rows: z.array(complianceRow),
  summary: z.object({
    cells: z.number().int(),
    cellsAllRegular: z.number().int(),
    cellsAllThematic: z.number().int(),
    monthsMissing: z.number().int(),
    quartersMissing: z.number().int(),
  }),
});
export type ComplianceTable = z.infer<typeof complianceTable>;

// ---- Self-service ----------------------------------------------------------------------------------------------

export const myMeeting = z.object({
  id: z.number().int(),
  orgName: z.string(),
  kind: z.enum(meetingKinds),
  status: z.enum(meetingStatuses),
  meetingOn: day,
  startTime: z.string(),
  place: z.string(),
  topic: z.string(),
  attendance: z.enum(attendanceStatuses).nullable(),
  reason: z.string().nullable(),
});
export type MyMeeting = z.infer<typeof myMeeting>;
export const myMeetings = z.object({
  upcoming: z.array(myMeeting),
  history: z.array(myMeeting),
  absentWithoutLeaveThisYear: z.number().int(),
  calendarFeed: z.object({ active: z.boolean(), createdAt: timestamp.nullable() }),
});
export type MyMeetings = z.input<typeof myMeetings>;

/** The secret address is shown once, when made; only its hash is kept. */
export const calendarFeedCreated = z.object({ url: z.string(), path: z.string() });
