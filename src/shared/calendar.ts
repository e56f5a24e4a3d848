import { z } from 'zod';

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
