import { renderPartyDocument } from '../../documents/party-document.js';
import { attendanceStatusLabels, meetingKindLabels } from '../../../shared/meetings.js';
import type { MeetingView } from './meetings.service.js';

const viDay = (iso: string) => iso.split('-').reverse().join('/');
const when = (m: MeetingView) => `${m.startTime ? `${m.startTime}, ` : ''}ngày ${viDay(m.meetingOn)}`;

/** Thông báo triệu tập sinh hoạt: the agenda, the time and place, who is expected. */
export function renderMeetingNotice(m: MeetingView, issuer: { issuingBody: string; upperBody: string }, today: string): Promise<Buffer> {
  const expected = m.attendance.filter((a) => a.status !== 'away');
  return renderPartyDocument({
    upperBody: issuer.upperBody,
    issuingBody: issuer.issuingBody,
    number: '…-TB/CB',
    place: '',
    date: today,
    type: 'THÔNG BÁO',
    summary: `triệu tập ${meetingKindLabels[m.kind].toLowerCase()}${m.topic ? ` về ${m.topic}` : ''}`,
    body: [
      `${issuer.issuingBody} thông báo ${meetingKindLabels[m.kind].toLowerCase()} như sau:`,
      `1. Thời gian: ${when(m)}.`,
      `2. Địa điểm: ${m.place || '…'}.`,
      `3. Chủ trì: ${m.chairName ?? '…'}; thư ký: ${m.minuteTakerName ?? '…'}.`,
      '4. Nội dung:',
      ...(m.agenda ? m.agenda.split(/\r?\n/).filter((l) => l.trim()) : ['…']),
      `5. Thành phần: ${expected.length} đảng viên của ${m.orgName}${m.attendance.length > expected.length ? ` (${m.attendance.length - expected.length} đảng viên đang chuyển sinh hoạt tạm thời không triệu tập)` : ''}.`,
      'Đề nghị các đồng chí đảng viên tham dự đầy đủ, đúng giờ; vắng mặt phải báo cáo lý do với bí thư chi bộ.',
    ],
    signer: { authority: 'T/M CHI BỘ', title: 'BÍ THƯ', name: '' },
    recipients: ['Đảng viên trong chi bộ', 'Lưu chi bộ'],
  });
}

/** Biên bản sinh hoạt, pre-filled with the agenda and the attendance list (blank where the meeting fills it in). */
export function renderMinutesTemplate(m: MeetingView, issuer: { issuingBody: string; upperBody: string }): Promise<Buffer> {
  const listed = m.attendance.filter((a) => a.status !== 'away');
  const away = m.attendance.filter((a) => a.status === 'away');
  const line = (a: MeetingView['attendance'][number], i: number) =>
    `${i + 1}. ${a.fullName}: ${a.status ? attendanceStatusLabels[a.status] : '☐ có mặt  ☐ vắng có lý do  ☐ vắng không lý do'}${a.reason ? ` (${a.reason})` : ''}`;
  return renderPartyDocument({
    upperBody: issuer.upperBody,
    issuingBody: issuer.issuingBody,
    number: '…-BB/CB',
    place: '',
    date: m.meetingOn,
    type: 'BIÊN BẢN',
    summary: `${meetingKindLabels[m.kind].toLowerCase()}${m.topic ? ` về ${m.topic}` : ''}`,
    body: [
      `Thời gian: ${when(m)}. Địa điểm: ${m.place || '…'}.`,
      `Chủ trì: ${m.chairName ?? '…'}. Thư ký: ${m.minuteTakerName ?? '…'}.`,
      `Đảng viên của chi bộ: ${listed.length} đồng chí.`,
      ...listed.map(line),
      ...(away.length > 0 ? [`Đang chuyển sinh hoạt tạm thời (không tính vắng mặt): ${away.map((a) => a.fullName).join(', ')}.`] : []),
      `Khách mời: ${m.guests.length > 0 ? m.guests.join(', ') : '…'}.`,
      'NỘI DUNG',
      ...(m.agenda ? m.agenda.split(/\r?\n/).filter((l) => l.trim()) : ['…']),
      'Ý KIẾN THẢO LUẬN',
      '…',
      'KẾT LUẬN',
      m.conclusions || '…',
      'Buổi sinh hoạt kết thúc lúc … giờ … cùng ngày.',
    ],
    signer: { authority: 'CHỦ TRÌ', title: '', name: m.chairName ?? '' },
    recipients: ['Lưu chi bộ'],
  });
}
