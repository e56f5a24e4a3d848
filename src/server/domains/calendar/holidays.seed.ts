/**
 * Public holidays shipped for 2020–2030 (RULES.md, "Working days"); administrators edit the yearly
 * table after install, so these rows are a starting point, not the authority.
 *
 * What a row means:
 * - `fixed`: a holiday by solar date (Bộ luật Lao động 2019, Điều 112; 2012, Điều 115): 1/1, 30/4, 1/5,
 *   2/9 and, from 2021, the day next to 2/9 that the Government picks. Listed even on a weekend.
 * - `lunar`: a holiday by Vietnamese lunar date (UTC+7): Giỗ Tổ Hùng Vương (10/3) and the five
 *   traditional Tết days (last day of the lunar year, mùng 1–4). Listed even on a weekend, even in a
 *   year whose decision picked five other days (2025 picked 28 Chạp–mùng 3; mùng 4 fell on a Saturday).
 * - `bridge`: a weekday off that a decision or the compensation rule adds: nghỉ bù for a holiday on a
 *   weekend (the next working day), or a day swapped with a working Saturday (see shippedMakeUpWorkdays).
 *
 * Years up to 2026 follow the announced schedules for civil servants. From 2027 the Government has not
 * decided yet: the bridge days and the day next to 2/9 are the likely ones and say "(dự kiến)".
 * Lunar dates are checked against ICU's Chinese calendar and an astronomical new-moon computation at
 * UTC+7 in holidays.seed.test.ts.
 */
export type HolidayKind = 'fixed' | 'lunar' | 'bridge';

export interface ShippedHoliday {
  date: string;
  name: string;
  kind: HolidayKind;
}

/** A Saturday worked in exchange for a weekday off (hoán đổi ngày làm việc); it counts as a working day. */
export interface ShippedMakeUpWorkday {
  date: string;
  name: string;
  /** The weekday given off in exchange. */
  replaces: string;
}

export const shippedHolidays: readonly ShippedHoliday[] = [
  // 2020: Tết 23/1–29/1 (29 Chạp Kỷ Hợi – mùng 5); 2/9 was a single day until the 2019 Labour Code.
  { date: '2020-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2020-01-23', name: 'Nghỉ Tết Nguyên đán Canh Tý (29 tháng Chạp)', kind: 'bridge' },
  { date: '2020-01-24', name: 'Tết Nguyên đán Canh Tý (30 tháng Chạp)', kind: 'lunar' },
  { date: '2020-01-25', name: 'Tết Nguyên đán Canh Tý (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2020-01-26', name: 'Tết Nguyên đán Canh Tý (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2020-01-27', name: 'Tết Nguyên đán Canh Tý (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2020-01-28', name: 'Tết Nguyên đán Canh Tý (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2020-01-29', name: 'Nghỉ bù Tết Nguyên đán Canh Tý (mùng 5 tháng Giêng)', kind: 'bridge' },
  { date: '2020-04-02', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2020-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2020-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2020-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },

  // 2021: Tết 10/2–16/2; 1/5 on a Saturday → 3/5; Quốc khánh 2/9 and 3/9.
  { date: '2021-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2021-02-10', name: 'Nghỉ Tết Nguyên đán Tân Sửu (29 tháng Chạp)', kind: 'bridge' },
  { date: '2021-02-11', name: 'Tết Nguyên đán Tân Sửu (30 tháng Chạp)', kind: 'lunar' },
  { date: '2021-02-12', name: 'Tết Nguyên đán Tân Sửu (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2021-02-13', name: 'Tết Nguyên đán Tân Sửu (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2021-02-14', name: 'Tết Nguyên đán Tân Sửu (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2021-02-15', name: 'Tết Nguyên đán Tân Sửu (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2021-02-16', name: 'Nghỉ bù Tết Nguyên đán Tân Sửu (mùng 5 tháng Giêng)', kind: 'bridge' },
  { date: '2021-04-21', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2021-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2021-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2021-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động', kind: 'bridge' },
  { date: '2021-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },
  { date: '2021-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'fixed' },

  // 2022: Tết 29/1–6/2 (five weekdays 31/1–4/2); 1/1, Giỗ Tổ, 30/4 and 1/5 on weekends; Quốc khánh 1/9 and 2/9.
  { date: '2022-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2022-01-03', name: 'Nghỉ bù Tết Dương lịch', kind: 'bridge' },
  { date: '2022-01-31', name: 'Tết Nguyên đán Nhâm Dần (29 tháng Chạp)', kind: 'lunar' },
  { date: '2022-02-01', name: 'Tết Nguyên đán Nhâm Dần (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2022-02-02', name: 'Tết Nguyên đán Nhâm Dần (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2022-02-03', name: 'Tết Nguyên đán Nhâm Dần (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2022-02-04', name: 'Tết Nguyên đán Nhâm Dần (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2022-04-10', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2022-04-11', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'bridge' },
  { date: '2022-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2022-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2022-05-02', name: 'Nghỉ bù Ngày Chiến thắng', kind: 'bridge' },
  { date: '2022-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động', kind: 'bridge' },
  { date: '2022-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'fixed' },
  { date: '2022-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },

  // 2023: Tết 20/1–26/1; 29/4–3/5; Quốc khánh 1/9 and 2/9 (Saturday) → 4/9.
  { date: '2023-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2023-01-02', name: 'Nghỉ bù Tết Dương lịch', kind: 'bridge' },
  { date: '2023-01-20', name: 'Nghỉ Tết Nguyên đán Quý Mão (29 tháng Chạp)', kind: 'bridge' },
  { date: '2023-01-21', name: 'Tết Nguyên đán Quý Mão (30 tháng Chạp)', kind: 'lunar' },
  { date: '2023-01-22', name: 'Tết Nguyên đán Quý Mão (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2023-01-23', name: 'Tết Nguyên đán Quý Mão (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2023-01-24', name: 'Tết Nguyên đán Quý Mão (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2023-01-25', name: 'Tết Nguyên đán Quý Mão (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2023-01-26', name: 'Nghỉ bù Tết Nguyên đán Quý Mão (mùng 5 tháng Giêng)', kind: 'bridge' },
  { date: '2023-04-29', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2023-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2023-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2023-05-02', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'bridge' },
  { date: '2023-05-03', name: 'Nghỉ bù Ngày Chiến thắng', kind: 'bridge' },
  { date: '2023-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'fixed' },
  { date: '2023-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },
  { date: '2023-09-04', name: 'Nghỉ bù Quốc khánh', kind: 'bridge' },

  // 2024: Tết 8/2–14/2; 29/4 swapped with Saturday 4/5 (2450/VPCP-KGVX); Quốc khánh 2/9 and 3/9.
  { date: '2024-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2024-02-08', name: 'Nghỉ Tết Nguyên đán Giáp Thìn (29 tháng Chạp)', kind: 'bridge' },
  { date: '2024-02-09', name: 'Tết Nguyên đán Giáp Thìn (30 tháng Chạp)', kind: 'lunar' },
  { date: '2024-02-10', name: 'Tết Nguyên đán Giáp Thìn (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2024-02-11', name: 'Tết Nguyên đán Giáp Thìn (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2024-02-12', name: 'Tết Nguyên đán Giáp Thìn (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2024-02-13', name: 'Tết Nguyên đán Giáp Thìn (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2024-02-14', name: 'Nghỉ bù Tết Nguyên đán Giáp Thìn (mùng 5 tháng Giêng)', kind: 'bridge' },
  { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2024-04-29', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 4/5)', kind: 'bridge' },
  { date: '2024-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2024-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2024-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },
  { date: '2024-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'fixed' },

  // 2025: Tết 25/1–2/2 (the decision's five days were 28 Chạp – mùng 3); 2/5 swapped with Saturday 26/4;
  // Quốc khánh 1/9 and 2/9.
  { date: '2025-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2025-01-27', name: 'Nghỉ Tết Nguyên đán Ất Tỵ (28 tháng Chạp)', kind: 'bridge' },
  { date: '2025-01-28', name: 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)', kind: 'lunar' },
  { date: '2025-01-29', name: 'Tết Nguyên đán Ất Tỵ (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2025-01-30', name: 'Tết Nguyên đán Ất Tỵ (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2025-01-31', name: 'Tết Nguyên đán Ất Tỵ (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2025-02-01', name: 'Tết Nguyên đán Ất Tỵ (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2025-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2025-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4)', kind: 'bridge' },
  { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'fixed' },
  { date: '2025-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },

  // 2026: 2/1 swapped with Saturday 10/1 (12729/VPCP-KGVX); Tết 14/2–22/2; Giỗ Tổ on a Sunday → 27/4;
  // Quốc khánh 1/9 and 2/9, 31/8 swapped with Saturday 22/8 (Bộ Nội vụ, 10/2025).
  { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/1)', kind: 'bridge' },
  { date: '2026-02-16', name: 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)', kind: 'lunar' },
  { date: '2026-02-17', name: 'Tết Nguyên đán Bính Ngọ (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2026-02-18', name: 'Tết Nguyên đán Bính Ngọ (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2026-02-19', name: 'Tết Nguyên đán Bính Ngọ (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2026-02-20', name: 'Tết Nguyên đán Bính Ngọ (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'bridge' },
  { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2026-08-31', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8)', kind: 'bridge' },
  { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'fixed' },
  { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },

  // 2027 (not yet decided). Tết 2027 starts on 6/2: ICU's Chinese calendar says 7/2, wrongly (see the test).
  { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2027-02-05', name: 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)', kind: 'lunar' },
  { date: '2027-02-06', name: 'Tết Nguyên đán Đinh Mùi (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2027-02-07', name: 'Tết Nguyên đán Đinh Mùi (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2027-02-08', name: 'Tết Nguyên đán Đinh Mùi (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2027-02-09', name: 'Tết Nguyên đán Đinh Mùi (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2027-02-10', name: 'Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 5 tháng Giêng) (dự kiến)', kind: 'bridge' },
  { date: '2027-02-11', name: 'Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 6 tháng Giêng) (dự kiến)', kind: 'bridge' },
  { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2027-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2027-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động', kind: 'bridge' },
  { date: '2027-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },
  { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề) (dự kiến)', kind: 'fixed' },

  // 2028 (not yet decided).
  { date: '2028-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2028-01-03', name: 'Nghỉ bù Tết Dương lịch', kind: 'bridge' },
  { date: '2028-01-25', name: 'Tết Nguyên đán Mậu Thân (29 tháng Chạp)', kind: 'lunar' },
  { date: '2028-01-26', name: 'Tết Nguyên đán Mậu Thân (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2028-01-27', name: 'Tết Nguyên đán Mậu Thân (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2028-01-28', name: 'Tết Nguyên đán Mậu Thân (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2028-01-29', name: 'Tết Nguyên đán Mậu Thân (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2028-01-31', name: 'Nghỉ bù Tết Nguyên đán Mậu Thân (mùng 6 tháng Giêng) (dự kiến)', kind: 'bridge' },
  { date: '2028-04-04', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2028-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2028-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2028-05-02', name: 'Nghỉ bù Ngày Chiến thắng', kind: 'bridge' },
  { date: '2028-09-01', name: 'Quốc khánh (ngày liền kề) (dự kiến)', kind: 'fixed' },
  { date: '2028-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },
  { date: '2028-09-04', name: 'Nghỉ bù Quốc khánh', kind: 'bridge' },

  // 2029 (not yet decided).
  { date: '2029-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2029-02-12', name: 'Tết Nguyên đán Kỷ Dậu (29 tháng Chạp)', kind: 'lunar' },
  { date: '2029-02-13', name: 'Tết Nguyên đán Kỷ Dậu (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2029-02-14', name: 'Tết Nguyên đán Kỷ Dậu (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2029-02-15', name: 'Tết Nguyên đán Kỷ Dậu (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2029-02-16', name: 'Tết Nguyên đán Kỷ Dậu (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2029-04-23', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2029-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2029-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2029-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },
  { date: '2029-09-03', name: 'Quốc khánh (ngày liền kề) (dự kiến)', kind: 'fixed' },
  { date: '2029-09-04', name: 'Nghỉ bù Quốc khánh', kind: 'bridge' },

  // 2030 (not yet decided). Vietnam's Tết is 2/2 (new moon 23:07 at UTC+7); China's is 3/2.
  { date: '2030-01-01', name: 'Tết Dương lịch', kind: 'fixed' },
  { date: '2030-02-01', name: 'Tết Nguyên đán Canh Tuất (29 tháng Chạp)', kind: 'lunar' },
  { date: '2030-02-02', name: 'Tết Nguyên đán Canh Tuất (mùng 1 tháng Giêng)', kind: 'lunar' },
  { date: '2030-02-03', name: 'Tết Nguyên đán Canh Tuất (mùng 2 tháng Giêng)', kind: 'lunar' },
  { date: '2030-02-04', name: 'Tết Nguyên đán Canh Tuất (mùng 3 tháng Giêng)', kind: 'lunar' },
  { date: '2030-02-05', name: 'Tết Nguyên đán Canh Tuất (mùng 4 tháng Giêng)', kind: 'lunar' },
  { date: '2030-02-06', name: 'Nghỉ bù Tết Nguyên đán Canh Tuất (mùng 5 tháng Giêng) (dự kiến)', kind: 'bridge' },
  { date: '2030-02-07', name: 'Nghỉ bù Tết Nguyên đán Canh Tuất (mùng 6 tháng Giêng) (dự kiến)', kind: 'bridge' },
  { date: '2030-04-12', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'lunar' },
  { date: '2030-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' },
  { date: '2030-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' },
  { date: '2030-09-02', name: 'Quốc khánh (2/9)', kind: 'fixed' },
  { date: '2030-09-03', name: 'Quốc khánh (ngày liền kề) (dự kiến)', kind: 'fixed' },
];

/** Working Saturdays of the swaps listed above as `bridge` days (2020–2026 as announced; none known later). */
export const shippedMakeUpWorkdays: readonly ShippedMakeUpWorkday[] = [
  { date: '2024-05-04', name: 'Làm bù cho ngày nghỉ hoán đổi 29/4/2024', replaces: '2024-04-29' },
  { date: '2025-04-26', name: 'Làm bù cho ngày nghỉ hoán đổi 2/5/2025', replaces: '2025-05-02' },
  { date: '2026-01-10', name: 'Làm bù cho ngày nghỉ hoán đổi 2/1/2026', replaces: '2026-01-02' },
  { date: '2026-08-22', name: 'Làm bù cho ngày nghỉ hoán đổi 31/8/2026', replaces: '2026-08-31' },
];
