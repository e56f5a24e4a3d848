import { z } from 'zod';
import { day, timestamp } from './responses.js';

export const holidayKinds = ['fixed', 'lunar', 'bridge', 'workday'] as const;
export type HolidayKind = (typeof holidayKinds)[number];
export const holidayKindLabels: Record<HolidayKind, string> = {
  fixed: 'Ngày lễ dương lịch',
  lunar: 'Ngày lễ âm lịch',
  bridge: 'Ngày nghỉ hoán đổi',
  workday: 'Ngày làm bù (thứ Bảy đi làm)',
};

export const holidayInput = z.object({
  name: z.string().trim().min(2, 'Tên ngày nghỉ là bắt buộc').max(200),
  kind: z.enum(holidayKinds, { error: 'Loại ngày không hợp lệ' }),
  version: z.number().int().optional(),
});
export type HolidayInput = z.infer<typeof holidayInput>;

/** A day off (or a worked Saturday) as the calendar holds it; an inactive one no longer counts. */
export const holiday = z.object({
  date: day,
  name: z.string(),
  /** One of `holidayKinds`. */
  kind: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: timestamp,
});
/** As sent: `updatedAt` is ISO text. */
export type Holiday = z.input<typeof holiday>;
