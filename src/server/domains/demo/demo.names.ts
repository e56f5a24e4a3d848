import type { UnitType } from '../../../shared/org.js';

/**
 * Names and places for the demo generator. Weighted lists are `[value, weight]`; weights need not
 * sum to anything. Hòa Bình data is as of 2019–2025 (after the 2019–2020 commune mergers, before the
 * 1/7/2025 merger into Phú Thọ); the post-2025 commune names are the approximate successors and are
 * only meant to look right in a demo.
 */

export type Weighted = readonly (readonly [string, number])[];

export interface DemoProvince {
  /** Short name, as in "Đảng bộ tỉnh Hòa Bình". */
  name: string;
  /** Stable org code prefix. */
  code: string;
  /** First three digits of a citizen ID (CCCD) issued there. */
  idCode: string;
  city: boolean;
  /** Provincial capital (null for centrally-run cities, whose districts are quận). */
  capital: string | null;
  /** Name of the provincial gifted school where it is not simply the province's. */
  giftedSchool?: string;
  /** Full name of the province it belongs to after 1/7/2025. */
  mergedInto: string;
}

/** Hòa Bình first: it is the seed article's province and the default deployment. */
export const provinces: readonly DemoProvince[] = [
  { name: 'Hòa Bình', code: 'HB', idCode: '017', city: false, capital: 'Hòa Bình', giftedSchool: 'Hoàng Văn Thụ', mergedInto: 'Tỉnh Phú Thọ' },
  { name: 'Phú Thọ', code: 'PT', idCode: '025', city: false, capital: 'Việt Trì', mergedInto: 'Tỉnh Phú Thọ' },
  { name: 'Vĩnh Phúc', code: 'VP', idCode: '026', city: false, capital: 'Vĩnh Yên', mergedInto: 'Tỉnh Phú Thọ' },
  { name: 'Hà Nội', code: 'HN', idCode: '001', city: true, capital: null, mergedInto: 'Thành phố Hà Nội' },
  { name: 'Sơn La', code: 'SL', idCode: '014', city: false, capital: 'Sơn La', mergedInto: 'Tỉnh Sơn La' },
  { name: 'Thanh Hóa', code: 'TH', idCode: '038', city: false, capital: 'Thanh Hóa', mergedInto: 'Tỉnh Thanh Hóa' },
  { name: 'Ninh Bình', code: 'NB', idCode: '037', city: false, capital: 'Hoa Lư', mergedInto: 'Tỉnh Ninh Bình' },
  { name: 'Hà Nam', code: 'HNA', idCode: '035', city: false, capital: 'Phủ Lý', mergedInto: 'Tỉnh Ninh Bình' },
  { name: 'Nam Định', code: 'ND', idCode: '036', city: false, capital: 'Nam Định', mergedInto: 'Tỉnh Ninh Bình' },
  { name: 'Thái Bình', code: 'TB', idCode: '034', city: false, capital: 'Thái Bình', mergedInto: 'Tỉnh Hưng Yên' },
  { name: 'Hưng Yên', code: 'HY', idCode: '033', city: false, capital: 'Hưng Yên', mergedInto: 'Tỉnh Hưng Yên' },
  { name: 'Hải Dương', code: 'HD', idCode: '030', city: false, capital: 'Hải Dương', mergedInto: 'Thành phố Hải Phòng' },
  { name: 'Hải Phòng', code: 'HP', idCode: '031', city: true, capital: null, mergedInto: 'Thành phố Hải Phòng' },
  { name: 'Quảng Ninh', code: 'QNI', idCode: '022', city: false, capital: 'Hạ Long', mergedInto: 'Tỉnh Quảng Ninh' },
  { name: 'Bắc Ninh', code: 'BN', idCode: '027', city: false, capital: 'Bắc Ninh', mergedInto: 'Tỉnh Bắc Ninh' },
  { name: 'Bắc Giang', code: 'BG', idCode: '024', city: false, capital: 'Bắc Giang', mergedInto: 'Tỉnh Bắc Ninh' },
  { name: 'Lạng Sơn', code: 'LS', idCode: '020', city: false, capital: 'Lạng Sơn', mergedInto: 'Tỉnh Lạng Sơn' },
  { name: 'Cao Bằng', code: 'CB', idCode: '004', city: false, capital: 'Cao Bằng', mergedInto: 'Tỉnh Cao Bằng' },
  { name: 'Bắc Kạn', code: 'BK', idCode: '006', city: false, capital: 'Bắc Kạn', mergedInto: 'Tỉnh Thái Nguyên' },
  { name: 'Thái Nguyên', code: 'TN', idCode: '019', city: false, capital: 'Thái Nguyên', mergedInto: 'Tỉnh Thái Nguyên' },
  { name: 'Tuyên Quang', code: 'TQ', idCode: '008', city: false, capital: 'Tuyên Quang', mergedInto: 'Tỉnh Tuyên Quang' },
  { name: 'Hà Giang', code: 'HG', idCode: '002', city: false, capital: 'Hà Giang', mergedInto: 'Tỉnh Tuyên Quang' },
  { name: 'Lào Cai', code: 'LCA', idCode: '010', city: false, capital: 'Lào Cai', mergedInto: 'Tỉnh Lào Cai' },
  { name: 'Yên Bái', code: 'YB', idCode: '015', city: false, capital: 'Yên Bái', mergedInto: 'Tỉnh Lào Cai' },
  { name: 'Lai Châu', code: 'LCH', idCode: '012', city: false, capital: 'Lai Châu', mergedInto: 'Tỉnh Lai Châu' },
  { name: 'Điện Biên', code: 'DB', idCode: '011', city: false, capital: 'Điện Biên Phủ', mergedInto: 'Tỉnh Điện Biên' },
  { name: 'Nghệ An', code: 'NA', idCode: '040', city: false, capital: 'Vinh', mergedInto: 'Tỉnh Nghệ An' },
  { name: 'Hà Tĩnh', code: 'HT', idCode: '042', city: false, capital: 'Hà Tĩnh', mergedInto: 'Tỉnh Hà Tĩnh' },
  { name: 'Quảng Bình', code: 'QB', idCode: '044', city: false, capital: 'Đồng Hới', mergedInto: 'Tỉnh Quảng Trị' },
  { name: 'Quảng Trị', code: 'QT', idCode: '045', city: false, capital: 'Đông Hà', mergedInto: 'Tỉnh Quảng Trị' },
  { name: 'Thừa Thiên Huế', code: 'TTH', idCode: '046', city: false, capital: 'Huế', mergedInto: 'Thành phố Huế' },
  { name: 'Đà Nẵng', code: 'DNG', idCode: '048', city: true, capital: null, mergedInto: 'Thành phố Đà Nẵng' },
  { name: 'Quảng Nam', code: 'QNA', idCode: '049', city: false, capital: 'Tam Kỳ', mergedInto: 'Thành phố Đà Nẵng' },
  { name: 'Quảng Ngãi', code: 'QNG', idCode: '051', city: false, capital: 'Quảng Ngãi', mergedInto: 'Tỉnh Quảng Ngãi' },
  { name: 'Kon Tum', code: 'KT', idCode: '062', city: false, capital: 'Kon Tum', mergedInto: 'Tỉnh Quảng Ngãi' },
  { name: 'Bình Định', code: 'BDI', idCode: '052', city: false, capital: 'Quy Nhơn', mergedInto: 'Tỉnh Gia Lai' },
  { name: 'Gia Lai', code: 'GL', idCode: '064', city: false, capital: 'Pleiku', mergedInto: 'Tỉnh Gia Lai' },
  { name: 'Phú Yên', code: 'PY', idCode: '054', city: false, capital: 'Tuy Hòa', mergedInto: 'Tỉnh Đắk Lắk' },
  { name: 'Đắk Lắk', code: 'DL', idCode: '066', city: false, capital: 'Buôn Ma Thuột', mergedInto: 'Tỉnh Đắk Lắk' },
  { name: 'Khánh Hòa', code: 'KH', idCode: '056', city: false, capital: 'Nha Trang', mergedInto: 'Tỉnh Khánh Hòa' },
  { name: 'Ninh Thuận', code: 'NT', idCode: '058', city: false, capital: 'Phan Rang - Tháp Chàm', mergedInto: 'Tỉnh Khánh Hòa' },
  { name: 'Lâm Đồng', code: 'LD', idCode: '068', city: false, capital: 'Đà Lạt', mergedInto: 'Tỉnh Lâm Đồng' },
  { name: 'Đắk Nông', code: 'DNO', idCode: '067', city: false, capital: 'Gia Nghĩa', mergedInto: 'Tỉnh Lâm Đồng' },
  { name: 'Bình Thuận', code: 'BTH', idCode: '060', city: false, capital: 'Phan Thiết', mergedInto: 'Tỉnh Lâm Đồng' },
  { name: 'Bình Phước', code: 'BP', idCode: '070', city: false, capital: 'Đồng Xoài', mergedInto: 'Tỉnh Đồng Nai' },
  { name: 'Đồng Nai', code: 'DNA', idCode: '075', city: false, capital: 'Biên Hòa', mergedInto: 'Tỉnh Đồng Nai' },
  { name: 'Hồ Chí Minh', code: 'HCM', idCode: '079', city: true, capital: null, mergedInto: 'Thành phố Hồ Chí Minh' },
  { name: 'Bình Dương', code: 'BD', idCode: '074', city: false, capital: 'Thủ Dầu Một', mergedInto: 'Thành phố Hồ Chí Minh' },
  { name: 'Bà Rịa - Vũng Tàu', code: 'BV', idCode: '077', city: false, capital: 'Bà Rịa', mergedInto: 'Thành phố Hồ Chí Minh' },
  { name: 'Tây Ninh', code: 'TNI', idCode: '072', city: false, capital: 'Tây Ninh', mergedInto: 'Tỉnh Tây Ninh' },
  { name: 'Long An', code: 'LA', idCode: '080', city: false, capital: 'Tân An', mergedInto: 'Tỉnh Tây Ninh' },
  { name: 'Tiền Giang', code: 'TG', idCode: '082', city: false, capital: 'Mỹ Tho', mergedInto: 'Tỉnh Đồng Tháp' },
  { name: 'Đồng Tháp', code: 'DT', idCode: '087', city: false, capital: 'Cao Lãnh', mergedInto: 'Tỉnh Đồng Tháp' },
  { name: 'Bến Tre', code: 'BTR', idCode: '083', city: false, capital: 'Bến Tre', mergedInto: 'Tỉnh Vĩnh Long' },
  { name: 'Trà Vinh', code: 'TV', idCode: '084', city: false, capital: 'Trà Vinh', mergedInto: 'Tỉnh Vĩnh Long' },
  { name: 'Vĩnh Long', code: 'VL', idCode: '086', city: false, capital: 'Vĩnh Long', mergedInto: 'Tỉnh Vĩnh Long' },
  { name: 'An Giang', code: 'AG', idCode: '089', city: false, capital: 'Long Xuyên', mergedInto: 'Tỉnh An Giang' },
  { name: 'Kiên Giang', code: 'KG', idCode: '091', city: false, capital: 'Rạch Giá', mergedInto: 'Tỉnh An Giang' },
  { name: 'Cần Thơ', code: 'CT', idCode: '092', city: true, capital: null, mergedInto: 'Thành phố Cần Thơ' },
  { name: 'Hậu Giang', code: 'HGI', idCode: '093', city: false, capital: 'Vị Thanh', mergedInto: 'Thành phố Cần Thơ' },
  { name: 'Sóc Trăng', code: 'ST', idCode: '094', city: false, capital: 'Sóc Trăng', mergedInto: 'Thành phố Cần Thơ' },
  { name: 'Bạc Liêu', code: 'BL', idCode: '095', city: false, capital: 'Bạc Liêu', mergedInto: 'Tỉnh Cà Mau' },
  { name: 'Cà Mau', code: 'CM', idCode: '096', city: false, capital: 'Cà Mau', mergedInto: 'Tỉnh Cà Mau' },
];

export interface DemoDistrict {
  /** Full name as written in an address: "Huyện Tân Lạc". */
  name: string;
  /** Old communes, full names ("Xã Phong Phú", "Thị trấn Mãn Đức"). */
  communes: readonly string[];
  /** Communes after 1/7/2025; neighbouring old communes map to the same new one. */
  newCommunes: readonly string[];
  /** Ethnic mix of the district, used for its residents. */
  ethnicity: Weighted;
  /** Villages are "bản" in Thái areas and "xóm" elsewhere in Hòa Bình. */
  village: 'xóm' | 'bản';
  /** Relative size of the district's party organisation. */
  weight: number;
}

export const hoaBinhDistricts: readonly DemoDistrict[] = [
  {
    name: 'Thành phố Hòa Bình',
    communes: ['Phường Phương Lâm', 'Phường Đồng Tiến', 'Phường Chăm Mát', 'Phường Tân Thịnh', 'Phường Thái Bình', 'Phường Hữu Nghị', 'Phường Tân Hòa', 'Phường Thịnh Lang', 'Phường Dân Chủ', 'Phường Thống Nhất', 'Phường Kỳ Sơn', 'Phường Trung Minh', 'Xã Hòa Bình', 'Xã Yên Mông', 'Xã Độc Lập', 'Xã Mông Hóa', 'Xã Quang Tiến', 'Xã Hợp Thành', 'Xã Thịnh Minh'],
    newCommunes: ['Phường Hòa Bình', 'Phường Tân Hòa', 'Phường Thống Nhất', 'Phường Kỳ Sơn'],
    ethnicity: [['Kinh', 60], ['Mường', 33], ['Thái', 3], ['Tày', 2], ['Dao', 2]],
    village: 'xóm',
    weight: 1.5,
  },
  {
    name: 'Huyện Đà Bắc',
    communes: ['Thị trấn Đà Bắc', 'Xã Tú Lý', 'Xã Cao Sơn', 'Xã Toàn Sơn', 'Xã Hiền Lương', 'Xã Tiền Phong', 'Xã Vầy Nưa', 'Xã Mường Chiềng', 'Xã Đồng Chum', 'Xã Giáp Đắt', 'Xã Tân Minh', 'Xã Đoàn Kết', 'Xã Nánh Nghê', 'Xã Trung Thành', 'Xã Yên Hòa'],
    newCommunes: ['Xã Đà Bắc', 'Xã Tân Pheo', 'Xã Đức Nhàn', 'Xã Quy Đức', 'Xã Cao Sơn', 'Xã Tiền Phong'],
    ethnicity: [['Tày', 35], ['Mường', 30], ['Dao', 14], ['Kinh', 12], ['Thái', 9]],
    village: 'xóm',
    weight: 0.9,
  },
  {
    name: 'Huyện Lương Sơn',
    communes: ['Thị trấn Lương Sơn', 'Xã Lâm Sơn', 'Xã Hòa Sơn', 'Xã Nhuận Trạch', 'Xã Cao Dương', 'Xã Thanh Sơn', 'Xã Cư Yên', 'Xã Liên Sơn', 'Xã Tân Vinh', 'Xã Cao Sơn', 'Xã Thanh Cao', 'Xã Hợp Châu'],
    newCommunes: ['Xã Lương Sơn', 'Xã Cao Dương', 'Xã Liên Sơn', 'Xã Nhuận Trạch', 'Xã Thanh Sơn'],
    ethnicity: [['Mường', 55], ['Kinh', 40], ['Dao', 4], ['Tày', 1]],
    village: 'xóm',
    weight: 1.2,
  },
  {
    name: 'Huyện Kim Bôi',
    communes: ['Thị trấn Bo', 'Xã Vĩnh Đồng', 'Xã Đú Sáng', 'Xã Hùng Sơn', 'Xã Bình Sơn', 'Xã Tú Sơn', 'Xã Nuông Dăm', 'Xã Kim Bôi', 'Xã Hợp Tiến', 'Xã Cuối Hạ', 'Xã Mị Hòa', 'Xã Nam Thượng', 'Xã Sào Báy', 'Xã Xuân Thủy', 'Xã Kim Lập', 'Xã Vĩnh Tiến', 'Xã Thượng Tiến'],
    newCommunes: ['Xã Kim Bôi', 'Xã Nật Sơn', 'Xã Mường Động', 'Xã Hợp Tiến', 'Xã Cuối Hạ', 'Xã Sào Báy', 'Xã Dũng Tiến'],
    ethnicity: [['Mường', 82], ['Kinh', 14], ['Dao', 4]],
    village: 'xóm',
    weight: 1.1,
  },
  {
    name: 'Huyện Cao Phong',
    communes: ['Thị trấn Cao Phong', 'Xã Bắc Phong', 'Xã Thu Phong', 'Xã Hợp Phong', 'Xã Xuân Phong', 'Xã Dũng Phong', 'Xã Tây Phong', 'Xã Nam Phong', 'Xã Thạch Yên', 'Xã Bình Thanh'],
    newCommunes: ['Xã Cao Phong', 'Xã Mường Thàng', 'Xã Thung Nai'],
    ethnicity: [['Mường', 78], ['Kinh', 20], ['Dao', 2]],
    village: 'xóm',
    weight: 0.7,
  },
  {
    name: 'Huyện Tân Lạc',
    communes: ['Thị trấn Mãn Đức', 'Xã Phong Phú', 'Xã Tử Nê', 'Xã Thanh Hối', 'Xã Đông Lai', 'Xã Ngọc Mỹ', 'Xã Quy Hậu', 'Xã Suối Hoa', 'Xã Mỹ Hòa', 'Xã Tuân Lộ', 'Xã Quyết Chiến', 'Xã Vân Sơn', 'Xã Phú Cường', 'Xã Lỗ Sơn', 'Xã Gia Mô', 'Xã Địch Giáo', 'Xã Ngổ Luông', 'Xã Nhân Mỹ'],
    newCommunes: ['Xã Tân Lạc', 'Xã Mường Bi', 'Xã Mường Hoa', 'Xã Toàn Thắng', 'Xã Vân Sơn'],
    ethnicity: [['Mường', 80], ['Kinh', 16], ['Dao', 3], ['Thái', 1]],
    village: 'xóm',
    weight: 1.1,
  },
  {
    name: 'Huyện Mai Châu',
    communes: ['Thị trấn Mai Châu', 'Xã Tòng Đậu', 'Xã Đồng Tân', 'Xã Vạn Mai', 'Xã Mai Hạ', 'Xã Chiềng Châu', 'Xã Nà Phòn', 'Xã Pà Cò', 'Xã Hang Kia', 'Xã Tân Thành', 'Xã Bao La', 'Xã Cun Pheo', 'Xã Piềng Vế', 'Xã Thung Khe', 'Xã Sơn Thủy', 'Xã Xăm Khòe', 'Xã Tân Sơn', 'Xã Noong Luông', 'Xã Mai Hịch'],
    newCommunes: ['Xã Mai Châu', 'Xã Bao La', 'Xã Mai Hạ', 'Xã Pà Cò', 'Xã Tân Mai'],
    ethnicity: [['Thái', 58], ['Mường', 14], ['Kinh', 14], ['Mông', 10], ['Dao', 4]],
    village: 'bản',
    weight: 0.8,
  },
  {
    name: 'Huyện Lạc Sơn',
    communes: ['Thị trấn Vụ Bản', 'Xã Ân Nghĩa', 'Xã Bình Hẻm', 'Xã Chí Đạo', 'Xã Định Cư', 'Xã Hương Nhượng', 'Xã Miền Đồi', 'Xã Mỹ Thành', 'Xã Ngọc Lâu', 'Xã Ngọc Sơn', 'Xã Nhân Nghĩa', 'Xã Quyết Thắng', 'Xã Tân Lập', 'Xã Tân Mỹ', 'Xã Thượng Cốc', 'Xã Tự Do', 'Xã Văn Nghĩa', 'Xã Văn Sơn', 'Xã Vũ Bình', 'Xã Xuất Hóa', 'Xã Yên Nghiệp', 'Xã Yên Phú', 'Xã Chí Thiện'],
    newCommunes: ['Xã Lạc Sơn', 'Xã Mường Vang', 'Xã Đại Đồng', 'Xã Ngọc Sơn', 'Xã Nhân Nghĩa', 'Xã Quyết Thắng', 'Xã Thượng Cốc', 'Xã Yên Phú'],
    ethnicity: [['Mường', 86], ['Kinh', 13], ['Dao', 1]],
    village: 'xóm',
    weight: 1.3,
  },
  {
    name: 'Huyện Yên Thủy',
    communes: ['Thị trấn Hàng Trạm', 'Xã Bảo Hiệu', 'Xã Đa Phúc', 'Xã Hữu Lợi', 'Xã Lạc Lương', 'Xã Lạc Sỹ', 'Xã Lạc Thịnh', 'Xã Ngọc Lương', 'Xã Đoàn Kết', 'Xã Phú Lai', 'Xã Yên Trị'],
    newCommunes: ['Xã Yên Thủy', 'Xã Lạc Lương', 'Xã Yên Trị'],
    ethnicity: [['Mường', 58], ['Kinh', 41], ['Dao', 1]],
    village: 'xóm',
    weight: 0.8,
  },
  {
    name: 'Huyện Lạc Thủy',
    communes: ['Thị trấn Chi Nê', 'Thị trấn Ba Hàng Đồi', 'Xã Phú Nghĩa', 'Xã Phú Thành', 'Xã Hưng Thi', 'Xã Thống Nhất', 'Xã Khoan Dụ', 'Xã Đồng Tâm', 'Xã Yên Bồng', 'Xã An Bình', 'Xã Liên Hòa'],
    newCommunes: ['Xã Lạc Thủy', 'Xã An Bình', 'Xã An Nghĩa'],
    ethnicity: [['Kinh', 55], ['Mường', 44], ['Dao', 1]],
    village: 'xóm',
    weight: 0.8,
  },
];

/** District names for provinces without their own list: plausible, not the province's real districts. */
export const genericDistrictNames: readonly string[] = [
  'Tân Yên', 'Yên Phong', 'Vĩnh Bảo', 'Đông Sơn', 'Thạch Hà', 'Phú Bình', 'Hòa An', 'Lục Yên', 'Tiên Phước', 'Quỳnh Lưu',
  'Kim Sơn', 'Gia Viễn', 'Thanh Chương', 'Đức Thọ', 'Hải Hậu', 'Tiền Hải', 'Văn Lâm', 'Kinh Môn', 'Thủy Nguyên', 'Bình Liêu',
  'Hữu Lũng', 'Văn Chấn', 'Bảo Yên', 'Mộc Châu', 'Chợ Đồn', 'Na Hang', 'Lục Ngạn', 'Tam Nông', 'Lập Thạch', 'Gia Bình',
  'Thanh Miện', 'Phù Cừ', 'Kiến Xương', 'Bình Lục', 'Ý Yên', 'Nho Quan', 'Nga Sơn', 'Diễn Châu', 'Hương Khê', 'Lệ Thủy',
];

/** Commune names that recur all over the country; used beyond the real Hòa Bình lists. */
export const genericCommuneNames: readonly string[] = [
  'Tân Lập', 'Quang Trung', 'Thống Nhất', 'Đoàn Kết', 'Đồng Tâm', 'Tân Tiến', 'Hợp Thành', 'Phú Lương', 'Yên Bình', 'Minh Quang',
  'Xuân Phong', 'Tân Phong', 'Hưng Đạo', 'Lê Lợi', 'Trần Phú', 'Nghĩa Hưng', 'Vĩnh Lộc', 'An Thịnh', 'Bình Minh', 'Cẩm Phú',
  'Đại Đồng', 'Đông Phong', 'Gia Hòa', 'Hà Lộc', 'Hiệp Hòa', 'Hồng Phong', 'Hưng Thịnh', 'Kim Đồng', 'Long Hưng', 'Minh Tân',
  'Mỹ Lộc', 'Nam Hải', 'Ngọc Thanh', 'Nhân Hòa', 'Phú Thịnh', 'Phúc Lâm', 'Quảng Phú', 'Quyết Tiến', 'Sơn Thủy', 'Tam Hiệp',
  'Tân An', 'Tân Hưng', 'Thạch Bình', 'Thanh Lâm', 'Tiên Phong', 'Trung Hòa', 'Tứ Minh', 'Văn Lang', 'Việt Hưng', 'Vĩnh Hòa',
  'Xuân Sơn', 'Yên Thịnh', 'An Phú', 'Bảo Lý', 'Cao Minh', 'Đức Long', 'Hải Xuân', 'Hòa Thuận', 'Liên Hiệp', 'Mai Lâm',
  'Nghĩa Đồng', 'Phú Xuân', 'Sơn Đông', 'Tân Dân', 'Thái Học', 'Thiện Kế', 'Trung Sơn', 'Vạn Phúc', 'Xuân Lai', 'Yên Sở',
  'Đông Hưng', 'Hoàng Hoa Thám', 'Hồng Thái', 'Khánh Thiện', 'Lam Sơn', 'Minh Đức', 'Nam Sơn', 'Phong Châu', 'Quang Minh', 'Thượng Lâm',
];

/** Village names in Hòa Bình (Mường "xóm", Thái "bản"); outside it, villages are "thôn". */
export const villageNames: readonly string[] = [
  'Mỗ', 'Lác', 'Chiềng', 'Bưa', 'Khú', 'Vó', 'Trang', 'Bái', 'Chạo', 'Cốc', 'Lục', 'Mu', 'Ve', 'Vành', 'Thung', 'Đồi', 'Sát', 'Nghẹ',
  'Mạ', 'Tre', 'Bến', 'Đồng Bưa', 'Đồng Tiến', 'Mới', 'Cháu', 'Bầu', 'Rộc', 'Dài', 'Khang', 'Nhõi', 'Đá', 'Bương', 'Kè', 'Trám',
  'Ấm', 'Nà', 'Pom Coọng', 'Hiền', 'Củ', 'Mường Khến', 'Bãi Chạo', 'Đồng Xám', 'Tày Măng', 'Nà Chiềng',
];

export const hamletNames: readonly string[] = [
  'Đông', 'Tây', 'Nam', 'Bắc', 'Thượng', 'Hạ', 'Trung', 'Đình', 'Chùa', 'Cầu', 'Đồng', 'Phú', 'Lạc', 'An', 'Hòa', 'Bình', 'Tân Lập',
  'Tiền Phong', 'Đoàn Kết', 'Quyết Tiến', 'Thắng Lợi', 'Đồng Tâm', 'Yên Thái', 'Phú Mỹ', 'Xuân Lộc', 'Vân Hồ', 'Đại Thắng', 'Hưng Long',
  'Cổ Loan', 'Bến Cũ', 'Gò Mít', 'Cây Đa', 'Bãi Sậy', 'Ngọc Lâm', 'Thanh Xuân', 'Hương Ngải', 'Lê Xá', 'Mai Động', 'Nội Duệ', 'Phương Đình',
];

/** Provinces that Hòa Bình members come from besides Hòa Bình itself (lowland migration). */
export const originProvinces: Weighted = [
  ['Tỉnh Phú Thọ', 10], ['Thành phố Hà Nội', 16], ['Tỉnh Thanh Hóa', 10], ['Tỉnh Nam Định', 9],
  ['Tỉnh Thái Bình', 8], ['Tỉnh Hà Nam', 6], ['Tỉnh Ninh Bình', 6], ['Tỉnh Vĩnh Phúc', 5], ['Tỉnh Sơn La', 5],
  ['Tỉnh Nghệ An', 6], ['Tỉnh Hải Dương', 5], ['Tỉnh Hưng Yên', 5], ['Tỉnh Hà Tĩnh', 3], ['Tỉnh Bắc Giang', 2],
];

// ── People ──────────────────────────────────────────────────────────────────────────────────────

export const ethnicityHoaBinh: Weighted = [['Kinh', 61], ['Mường', 25], ['Thái', 6], ['Tày', 3], ['Dao', 3], ['Mông', 1], ['Nùng', 1]];
export const ethnicityElsewhere: Weighted = [['Kinh', 90], ['Tày', 2.5], ['Thái', 2], ['Mường', 1.5], ['Nùng', 1.5], ['Khmer', 1.5], ['Hoa', 0.5], ['Dao', 0.5]];

export const religionHoaBinh: Weighted = [['Không', 965], ['Phật giáo', 15], ['Công giáo', 15], ['Tin lành', 5]];
export const religionElsewhere: Weighted = [['Không', 930], ['Phật giáo', 40], ['Công giáo', 25], ['Cao Đài', 3], ['Hòa Hảo', 1], ['Tin lành', 1]];

/** National family-name frequencies (Nguyễn about 38%). */
export const familyNamesKinh: Weighted = [
  ['Nguyễn', 38.4], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 1.1], ['Phan', 4.5], ['Vũ', 3.2], ['Võ', 0.7],
  ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 1], ['Quách', 0.3],
  ['Bạch', 0.2], ['Mai', 0.5], ['Hà', 0.8], ['Đào', 0.8], ['Trịnh', 0.7], ['Đoàn', 0.6], ['Lương', 0.5], ['Cao', 0.5], ['Tạ', 0.3],
  ['Lưu', 0.3], ['Chu', 0.3], ['Vương', 0.2], ['Khuất', 0.2], ['Kiều', 0.2], ['Lại', 0.2], ['Triệu', 0.2], ['Tô', 0.2],
  ['Nghiêm', 0.1], ['Phùng', 0.3], ['La', 0.1], ['Thái', 0.1], ['Đàm', 0.1], ['Lục', 0.05],
];

/** Minority peoples keep their own family names (Mường: Bùi, Đinh, Quách, Bạch, Hà, Xa…). */
export const familyNamesByEthnicity: Readonly<Record<string, Weighted>> = {
  Mường: [['Bùi', 28], ['Đinh', 22], ['Quách', 9], ['Bạch', 6], ['Hà', 9], ['Xa', 3], ['Sa', 2], ['Nguyễn', 9], ['Trần', 3], ['Lê', 3], ['Hoàng', 2], ['Phạm', 2], ['Cao', 1], ['Đặng', 1]],
  Thái: [['Hà', 25], ['Lò', 20], ['Xa', 12], ['Vi', 10], ['Lường', 10], ['Cầm', 6], ['Lộc', 3], ['Đinh', 4], ['Mai', 3], ['Lê', 2], ['Nguyễn', 5]],
  Tày: [['Hoàng', 20], ['Nông', 15], ['Ma', 10], ['Hà', 12], ['Lường', 8], ['Đinh', 8], ['Xa', 5], ['Nguyễn', 10], ['Lý', 5], ['Đàm', 5], ['La', 2]],
  Dao: [['Triệu', 30], ['Bàn', 25], ['Lý', 15], ['Đặng', 15], ['Phùng', 8], ['Nguyễn', 4], ['Hoàng', 3]],
  Mông: [['Giàng', 30], ['Vừ', 20], ['Sùng', 20], ['Thào', 10], ['Mùa', 10], ['Lầu', 5], ['Hờ', 5]],
  Nùng: [['Hoàng', 25], ['Nông', 20], ['Lương', 12], ['Vi', 10], ['Lăng', 8], ['Chu', 8], ['Hà', 7], ['Nguyễn', 10]],
  Khmer: [['Thạch', 35], ['Sơn', 20], ['Kim', 15], ['Danh', 15], ['Lâm', 10], ['Trần', 5]],
  Hoa: [['Lý', 20], ['Trương', 20], ['Lâm', 15], ['Quách', 10], ['Mã', 10], ['Châu', 10], ['Hứa', 10], ['Trần', 5]],
};

/** Middle names other than Văn (men) and Thị (women), whose share the generator sets by birth year. */
export const middleNamesMale: Weighted = [
  ['Đức', 8], ['Minh', 8], ['Hữu', 5], ['Quang', 5], ['Thanh', 5], ['Ngọc', 4], ['Xuân', 4], ['Công', 4], ['Mạnh', 3], ['Trung', 2],
  ['Duy', 3], ['Tiến', 2], ['Anh', 3], ['Hoàng', 2], ['Quốc', 3], ['Thế', 2], ['Bá', 2], ['Đình', 4], ['Trọng', 3], ['Huy', 2],
  ['Kim', 1], ['Việt', 2], ['Khắc', 1], ['Tuấn', 1], ['Hồng', 1], ['Chí', 1], ['Đăng', 1], ['Gia', 1], ['Hải', 1], ['Nam', 1],
];
export const middleNamesFemale: Weighted = [
  ['Thu', 8], ['Thanh', 8], ['Ngọc', 8], ['Minh', 5], ['Hồng', 6], ['Phương', 5], ['Thúy', 4], ['Kim', 5], ['Mai', 3], ['Hải', 3],
  ['Bích', 3], ['Diệu', 2], ['Khánh', 3], ['Lan', 2], ['Quỳnh', 2], ['Thùy', 4], ['Hoài', 2], ['Bảo', 2], ['Ánh', 2], ['Hương', 2],
  ['Thảo', 2], ['Vân', 1], ['Tuyết', 1], ['Xuân', 3], ['Mỹ', 2], ['Như', 1], ['Cẩm', 1], ['Huyền', 1], ['Tú', 1], ['Hà', 1],
];

export const givenNamesMale: readonly string[] = [
  'Hùng', 'Dũng', 'Tuấn', 'Hải', 'Long', 'Nam', 'Thắng', 'Cường', 'Hưng', 'Quân', 'Sơn', 'Trung', 'Tùng', 'Huy', 'Đức', 'Minh',
  'Khoa', 'Phong', 'Thành', 'Toàn', 'Việt', 'Hoàng', 'Lâm', 'Tiến', 'Bình', 'Hiếu', 'Kiên', 'Lợi', 'Mạnh', 'Nghĩa', 'Phúc', 'Quang',
  'Tâm', 'Thịnh', 'Trọng', 'Vinh', 'Vũ', 'Duy', 'Đạt', 'Khánh', 'Lực', 'Chiến', 'Công', 'Hòa', 'Hậu', 'Thái', 'Thuận', 'Tú', 'Tài',
  'Anh', 'Quyết', 'Thiện', 'Trường', 'Hiệp', 'Định', 'Điệp', 'Doanh', 'Giang', 'Hà', 'Hạnh', 'Khải', 'Luân', 'Ngọc', 'Phương', 'Quý',
  'Sáng', 'Thanh', 'Thọ', 'Toản', 'Tưởng', 'Uy', 'Văn', 'Xuân', 'Yên', 'Bảo', 'Đông', 'Hiển', 'Kỳ', 'Lộc', 'Nguyên', 'Pháp', 'Tấn',
];
export const givenNamesFemale: readonly string[] = [
  'Hương', 'Lan', 'Hoa', 'Hằng', 'Huyền', 'Linh', 'Mai', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Thủy', 'Trang', 'Vân',
  'Yến', 'Hà', 'Hạnh', 'Hiền', 'Hồng', 'Liên', 'Loan', 'Lý', 'Nga', 'Nhàn', 'Thu', 'Thúy', 'Tuyết', 'Uyên', 'Anh', 'Dung', 'Giang',
  'Hường', 'Minh', 'My', 'Nguyệt', 'Tâm', 'Thanh', 'Thơm', 'Xuân', 'Chi', 'Diệp', 'Hậu', 'Hoài', 'Khánh', 'Lụa', 'Ngân', 'Bích',
  'Duyên', 'Hảo', 'Hòa', 'Hợi', 'Lệ', 'Lương', 'Mến', 'Nhi', 'Phượng', 'Sen', 'Tình', 'Trinh', 'Tươi', 'Vui', 'Yên', 'Điệp', 'Thắm',
];
/** Mông given names; men carry the middle name "A". */
export const givenNamesMongMale: readonly string[] = ['Páo', 'Dế', 'Chứ', 'Tủa', 'Chống', 'Lử', 'Sử', 'Dình', 'Pó', 'Tếnh', 'Giàng', 'Lầu'];
export const givenNamesMongFemale: readonly string[] = ['Mỷ', 'Dua', 'Ly', 'Pàng', 'Xía', 'Sua', 'Chá', 'Dợ', 'Mai', 'Say'];

// ── Work ────────────────────────────────────────────────────────────────────────────────────────

/** Which kind of work a cell's members do; decides jobs, positions, qualifications and theory levels. */
export type WorkProfile =
  | 'agency'
  | 'mass'
  | 'press'
  | 'health'
  | 'school'
  | 'service'
  | 'enterprise'
  | 'police'
  | 'military'
  | 'commune'
  | 'village';

/** Titles of leadership posts: they need seniority and come with a higher theory level. */
export const leadershipTitle = /^(Phó |Trưởng|Giám đốc|Chủ tịch|Hiệu trưởng|Tổng Biên tập|Chi cục trưởng|Đội trưởng|Chỉ huy|Bí thư|Chính trị viên|Tiểu đoàn trưởng|Đại đội trưởng|Trung đội trưởng|Tổ trưởng)/;

export interface WorkData {
  jobs: Weighted;
  /** The first entry is the ordinary post, used when a member is too junior for the one drawn. */
  positions: Weighted;
  qualifications: Weighted;
  /** Share of women. */
  female: number;
  /** Theory levels of members past their first two years, non-leaders. */
  theory: Weighted;
}

export const work: Readonly<Record<WorkProfile, WorkData>> = {
  agency: {
    jobs: [['Công chức', 92], ['Viên chức', 5], ['Hợp đồng lao động', 3]],
    positions: [
      ['Chuyên viên', 50], ['Chuyên viên chính', 18], ['Thanh tra viên', 4], ['Kế toán', 4], ['Văn thư', 2], ['Kiểm soát viên', 2],
      ['Phó Trưởng phòng', 10], ['Trưởng phòng', 6], ['Phó Chi cục trưởng', 2], ['Chi cục trưởng', 1], ['Phó Giám đốc Sở', 1.5], ['Giám đốc Sở', 0.5],
    ],
    qualifications: [
      ['Cử nhân Luật', 14], ['Cử nhân Kinh tế', 14], ['Cử nhân Kế toán', 9], ['Cử nhân Quản lý nhà nước', 8], ['Kỹ sư Xây dựng', 5],
      ['Kỹ sư Nông nghiệp', 5], ['Kỹ sư Công nghệ thông tin', 4], ['Cử nhân Hành chính', 6], ['Thạc sĩ Quản lý kinh tế', 10],
      ['Thạc sĩ Luật', 5], ['Thạc sĩ Quản lý công', 5], ['Tiến sĩ Kinh tế', 0.7], ['Cử nhân Tài chính - Ngân hàng', 6], ['Cao đẳng Văn thư lưu trữ', 2],
    ],
    female: 0.37,
    theory: [['elementary', 30], ['intermediate', 42], ['advanced', 22], ['bachelor', 4], ['none', 2]],
  },
  mass: {
    jobs: [['Công chức', 85], ['Hợp đồng lao động', 15]],
    positions: [['Chuyên viên', 55], ['Chuyên viên chính', 15], ['Kế toán', 5], ['Phó Trưởng ban', 10], ['Trưởng ban', 6], ['Phó Chủ tịch', 3], ['Chủ tịch', 1]],
    qualifications: [['Cử nhân Xã hội học', 10], ['Cử nhân Luật', 15], ['Cử nhân Kinh tế', 12], ['Cử nhân Công tác xã hội', 12], ['Cử nhân Chính trị học', 14], ['Thạc sĩ Quản lý công', 6], ['Cử nhân Kế toán', 6]],
    female: 0.5,
    theory: [['elementary', 25], ['intermediate', 45], ['advanced', 22], ['bachelor', 6], ['none', 2]],
  },
  press: {
    jobs: [['Viên chức', 90], ['Hợp đồng lao động', 10]],
    positions: [['Phóng viên', 40], ['Biên tập viên', 25], ['Kỹ thuật viên', 12], ['Quay phim', 6], ['Phát thanh viên', 4], ['Phó Trưởng phòng', 6], ['Trưởng phòng', 4], ['Phó Tổng Biên tập', 1.5], ['Tổng Biên tập', 0.5]],
    qualifications: [['Cử nhân Báo chí', 45], ['Cử nhân Ngữ văn', 15], ['Kỹ sư Điện tử - Viễn thông', 12], ['Thạc sĩ Báo chí', 10], ['Cử nhân Ngôn ngữ Anh', 5]],
    female: 0.38,
    theory: [['elementary', 40], ['intermediate', 40], ['advanced', 15], ['bachelor', 3], ['none', 2]],
  },
  health: {
    jobs: [['Viên chức', 90], ['Hợp đồng lao động', 10]],
    positions: [['Bác sĩ', 32], ['Điều dưỡng', 30], ['Dược sĩ', 6], ['Kỹ thuật viên', 10], ['Hộ sinh', 5], ['Kế toán', 3], ['Phó Trưởng khoa', 6], ['Trưởng khoa', 5], ['Phó Giám đốc', 1.5], ['Giám đốc', 0.5]],
    qualifications: [['Bác sĩ đa khoa', 22], ['Bác sĩ chuyên khoa I', 14], ['Bác sĩ chuyên khoa II', 4], ['Thạc sĩ Y học', 5], ['Cử nhân Điều dưỡng', 25], ['Cao đẳng Điều dưỡng', 12], ['Dược sĩ đại học', 6], ['Cử nhân Kỹ thuật xét nghiệm', 6], ['Cử nhân Hộ sinh', 4]],
    female: 0.56,
    theory: [['elementary', 55], ['intermediate', 32], ['advanced', 9], ['bachelor', 1], ['none', 3]],
  },
  school: {
    jobs: [['Viên chức', 95], ['Hợp đồng lao động', 5]],
    positions: [['Giáo viên', 75], ['Giảng viên', 6], ['Tổ trưởng chuyên môn', 8], ['Kế toán', 2], ['Phó Hiệu trưởng', 5], ['Hiệu trưởng', 2]],
    qualifications: [['Cử nhân Sư phạm Toán', 14], ['Cử nhân Sư phạm Ngữ văn', 14], ['Cử nhân Sư phạm Tiểu học', 16], ['Cao đẳng Sư phạm Mầm non', 14], ['Cử nhân Sư phạm Tiếng Anh', 8], ['Thạc sĩ Quản lý giáo dục', 8], ['Cử nhân Sư phạm Lịch sử', 5], ['Cử nhân Sư phạm Vật lý', 5]],
    female: 0.66,
    theory: [['elementary', 60], ['intermediate', 28], ['advanced', 7], ['bachelor', 1], ['none', 4]],
  },
  service: {
    jobs: [['Viên chức', 85], ['Hợp đồng lao động', 15]],
    positions: [['Chuyên viên', 45], ['Kỹ sư', 12], ['Kỹ thuật viên', 10], ['Kế toán', 6], ['Cán bộ kỹ thuật', 8], ['Phó Trưởng phòng', 9], ['Trưởng phòng', 6], ['Phó Giám đốc', 2.5], ['Giám đốc', 1]],
    qualifications: [['Kỹ sư Xây dựng', 14], ['Kỹ sư Giao thông', 8], ['Cử nhân Kinh tế', 14], ['Cử nhân Kế toán', 10], ['Cử nhân Quản trị kinh doanh', 8], ['Kỹ sư Công nghệ thông tin', 6], ['Thạc sĩ Quản lý kinh tế', 8], ['Cử nhân Văn hóa học', 6]],
    female: 0.4,
    theory: [['elementary', 45], ['intermediate', 38], ['advanced', 12], ['bachelor', 2], ['none', 3]],
  },
  enterprise: {
    jobs: [['Người lao động', 70], ['Công nhân', 20], ['Kỹ sư', 10]],
    positions: [['Nhân viên', 35], ['Kỹ sư', 15], ['Công nhân kỹ thuật', 15], ['Kế toán', 8], ['Giao dịch viên', 6], ['Kiểm soát viên', 3], ['Phó Trưởng phòng', 7], ['Trưởng phòng', 5], ['Phó Giám đốc', 2], ['Giám đốc', 0.7]],
    qualifications: [['Kỹ sư Điện', 14], ['Cử nhân Tài chính - Ngân hàng', 16], ['Cử nhân Kế toán', 12], ['Cử nhân Quản trị kinh doanh', 10], ['Kỹ sư Điện tử - Viễn thông', 8], ['Cao đẳng Điện', 8], ['Trung cấp Kỹ thuật', 6], ['Thạc sĩ Quản trị kinh doanh', 6], ['Kỹ sư Cấp thoát nước', 3]],
    female: 0.28,
    theory: [['elementary', 60], ['intermediate', 28], ['advanced', 8], ['bachelor', 1], ['none', 3]],
  },
  police: {
    jobs: [['Sĩ quan Công an nhân dân', 85], ['Hạ sĩ quan Công an nhân dân', 10], ['Công nhân Công an', 5]],
    positions: [['Cán bộ', 55], ['Điều tra viên', 10], ['Trinh sát viên', 12], ['Phó Đội trưởng', 10], ['Đội trưởng', 6], ['Phó Trưởng phòng', 4], ['Trưởng phòng', 1.5]],
    qualifications: [['Cử nhân An ninh', 35], ['Cử nhân Cảnh sát', 45], ['Trung cấp Cảnh sát', 12], ['Thạc sĩ Luật', 5]],
    female: 0.12,
    theory: [['elementary', 40], ['intermediate', 42], ['advanced', 14], ['bachelor', 1], ['none', 3]],
  },
  military: {
    jobs: [['Sĩ quan Quân đội', 60], ['Quân nhân chuyên nghiệp', 30], ['Công nhân viên Quốc phòng', 10]],
    positions: [['Trợ lý', 40], ['Nhân viên', 20], ['Trung đội trưởng', 12], ['Đại đội trưởng', 8], ['Chính trị viên', 8], ['Tiểu đoàn trưởng', 3], ['Chỉ huy trưởng', 1]],
    qualifications: [['Cử nhân Chỉ huy tham mưu', 40], ['Cử nhân Chính trị', 25], ['Trung cấp Quân sự', 20], ['Cử nhân Hậu cần quân sự', 10]],
    female: 0.06,
    theory: [['elementary', 35], ['intermediate', 45], ['advanced', 15], ['bachelor', 2], ['none', 3]],
  },
  commune: {
    jobs: [['Cán bộ, công chức cấp xã', 80], ['Người hoạt động không chuyên trách', 20]],
    positions: [['Công chức Văn phòng - Thống kê', 12], ['Công chức Tư pháp - Hộ tịch', 10], ['Công chức Địa chính - Xây dựng', 10], ['Công chức Tài chính - Kế toán', 10], ['Công chức Văn hóa - Xã hội', 10], ['Chỉ huy trưởng Quân sự', 5], ['Trưởng Công an xã', 5], ['Chủ tịch Hội Nông dân', 5], ['Chủ tịch Hội Liên hiệp Phụ nữ', 5], ['Bí thư Đoàn Thanh niên', 5], ['Phó Chủ tịch UBND', 5], ['Chủ tịch UBND', 3], ['Bí thư Đảng ủy', 2.5]],
    qualifications: [['Cử nhân Luật', 15], ['Cử nhân Quản lý đất đai', 10], ['Cử nhân Kế toán', 10], ['Trung cấp Nông nghiệp', 12], ['Cử nhân Hành chính', 12], ['Trung cấp Lý luận chính trị - Hành chính', 10], ['Cao đẳng Văn hóa', 5]],
    female: 0.36,
    theory: [['elementary', 40], ['intermediate', 52], ['advanced', 5], ['none', 3]],
  },
  village: {
    jobs: [['Nông dân', 52], ['Nghỉ hưu', 16], ['Lao động tự do', 12], ['Kinh doanh', 8], ['Công nhân', 6], ['Giáo viên', 3], ['Bộ đội xuất ngũ', 3]],
    positions: [['', 70], ['Trưởng xóm', 8], ['Chi hội trưởng Hội Nông dân', 6], ['Chi hội trưởng Hội Phụ nữ', 5], ['Chi hội trưởng Hội Cựu chiến binh', 5], ['Bí thư Chi đoàn', 4], ['Bí thư Chi bộ', 4]],
    qualifications: [['', 55], ['Trung cấp Nông nghiệp', 12], ['Sơ cấp nghề', 10], ['Trung cấp Kế toán', 6], ['Cao đẳng Sư phạm', 5], ['Cử nhân Kinh tế', 4]],
    female: 0.38,
    theory: [['elementary', 80], ['intermediate', 12], ['none', 8]],
  },
};

// ── Organisations ───────────────────────────────────────────────────────────────────────────────
// Name templates: {P} province, {t} "tỉnh" or "thành phố", {TU} "Tỉnh ủy" or "Thành ủy", {G} the
// gifted school's name, {d} a district as in "huyện Lương Sơn", {ds} its bare name "Lương Sơn",
// {HU} its committee ("Huyện ủy"), {dl} its level word ("huyện").

export interface DemoSectionData {
  name: string;
  cells: number;
  cellNames: readonly string[];
  /** A cell per district, e.g. "Hạt Kiểm lâm {d}". */
  perDistrict?: string;
}

export interface DemoUnitData {
  name: string;
  kind: 'grassroots_committee' | 'grassroots_cell';
  /** Null for police and military units: the five unit types describe civilian agencies. */
  unitType: UnitType | null;
  /** Cells beneath a committee, sections' cells included. */
  cells: number;
  cellNames?: readonly string[];
  perDistrict?: string;
  sections?: readonly DemoSectionData[];
}

const C = 'grassroots_committee' as const;
const c = 'grassroots_cell' as const;

const hospitalCells = ['Khoa Khám bệnh', 'Khoa Nội', 'Khoa Ngoại', 'Khoa Cấp cứu', 'Khoa Dược', 'Khoa Xét nghiệm', 'Phòng Kế hoạch tổng hợp', 'Phòng Tổ chức - Hành chính', 'Khoa Phục hồi chức năng', 'Khoa Nhi', 'Khoa Sản', 'Khoa Châm cứu - Dưỡng sinh'];
const bankCells = ['Phòng Khách hàng doanh nghiệp', 'Phòng Khách hàng cá nhân', 'Phòng Tổ chức - Hành chính', 'Phòng Kế toán - Ngân quỹ', 'Phòng giao dịch số 1', 'Phòng giao dịch số 2', 'Phòng giao dịch số 3'];

/**
 * The agencies bloc of the seed article: 73 grassroots organisations, 46 committees and 27 cells,
 * 290 cells beneath the committees, in five unit types. By unit type: administrative 31,
 * public_service 20, enterprise 11, mass_org 9, press 2.
 */
export const blocUnits: Readonly<Record<UnitType, readonly DemoUnitData[]>> = {
  administrative: [
    { name: 'Sở Tài chính', kind: C, unitType: 'administrative', cells: 7, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Quản lý ngân sách', 'Phòng Tài chính hành chính sự nghiệp', 'Phòng Tài chính đầu tư', 'Phòng Quản lý giá và công sản', 'Phòng Tài chính doanh nghiệp', 'Phòng Tin học và Thống kê'] },
    { name: 'Ban Dân tộc {t}', kind: c, unitType: 'administrative', cells: 0 },
    { name: 'Sở Kế hoạch và Đầu tư', kind: C, unitType: 'administrative', cells: 5, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Tổng hợp, quy hoạch', 'Phòng Đăng ký kinh doanh', 'Phòng Kinh tế ngành', 'Phòng Đấu thầu, thẩm định và giám sát đầu tư', 'Phòng Văn xã'] },
    { name: 'Sở Tư pháp', kind: C, unitType: 'administrative', cells: 4, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Hành chính tư pháp', 'Phòng Bổ trợ tư pháp', 'Trung tâm Trợ giúp pháp lý nhà nước', 'Phòng Công chứng số 1'] },
    { name: 'Sở Ngoại vụ', kind: c, unitType: 'administrative', cells: 0 },
    { name: 'Sở Nội vụ', kind: C, unitType: 'administrative', cells: 6, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Tổ chức, biên chế', 'Phòng Xây dựng chính quyền và công tác thanh niên', 'Phòng Công chức, viên chức', 'Ban Thi đua - Khen thưởng', 'Ban Tôn giáo', 'Chi cục Văn thư - Lưu trữ'] },
    { name: 'Sở Công Thương', kind: C, unitType: 'administrative', cells: 5, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Quản lý công nghiệp', 'Phòng Quản lý thương mại', 'Phòng Quản lý năng lượng', 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp'] },
    { name: 'Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân {t}', kind: c, unitType: 'administrative', cells: 0 },
    { name: 'Sở Giao thông vận tải', kind: C, unitType: 'administrative', cells: 6, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Quản lý vận tải, phương tiện và người lái', 'Phòng Quản lý kết cấu hạ tầng giao thông', 'Phòng Quản lý chất lượng công trình giao thông', 'Phòng Kế hoạch - Tài chính', 'Trung tâm Đăng kiểm xe cơ giới', 'Ban Bảo trì đường bộ'] },
    { name: 'Sở Xây dựng', kind: C, unitType: 'administrative', cells: 5, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Quy hoạch - Kiến trúc', 'Phòng Quản lý xây dựng', 'Phòng Phát triển đô thị', 'Phòng Quản lý nhà và thị trường bất động sản', 'Trung tâm Giám định chất lượng xây dựng'] },
    { name: 'Ban Quản lý các khu công nghiệp {t}', kind: c, unitType: 'administrative', cells: 0 },
    { name: 'Sở Tài nguyên và Môi trường', kind: C, unitType: 'administrative', cells: 8, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Quản lý đất đai', 'Phòng Tài nguyên nước, khoáng sản và khí tượng thủy văn', 'Chi cục Bảo vệ môi trường', 'Văn phòng Đăng ký đất đai', 'Trung tâm Quan trắc tài nguyên và môi trường', 'Trung tâm Phát triển quỹ đất', 'Trung tâm Công nghệ thông tin tài nguyên và môi trường'] },
    { name: 'Sở Thông tin và Truyền thông', kind: C, unitType: 'administrative', cells: 4, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Báo chí - Xuất bản', 'Phòng Công nghệ thông tin', 'Trung tâm Công nghệ thông tin và Truyền thông'] },
    { name: 'Ban Tổ chức {TU}', kind: c, unitType: 'administrative', cells: 0 },
    { name: 'Sở Lao động - Thương binh và Xã hội', kind: C, unitType: 'administrative', cells: 9, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Lao động - Việc làm', 'Phòng Người có công', 'Phòng Bảo trợ xã hội', 'Phòng Giáo dục nghề nghiệp', 'Trung tâm Dịch vụ việc làm', 'Trung tâm Bảo trợ xã hội', 'Trung tâm Điều dưỡng người có công', 'Cơ sở Cai nghiện ma túy'] },
    { name: 'Sở Văn hóa, Thể thao và Du lịch', kind: C, unitType: 'administrative', cells: 8, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Quản lý văn hóa', 'Phòng Quản lý thể dục thể thao', 'Phòng Quản lý du lịch', 'Thư viện {t}', 'Bảo tàng {t}', 'Trung tâm Văn hóa - Nghệ thuật', 'Đoàn Nghệ thuật dân tộc', 'Trung tâm Huấn luyện và thi đấu thể dục thể thao', 'Ban Quản lý di tích'] },
    { name: 'Ủy ban Kiểm tra {TU}', kind: c, unitType: 'administrative', cells: 0 },
    { name: 'Sở Khoa học và Công nghệ', kind: C, unitType: 'administrative', cells: 4, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Quản lý khoa học', 'Chi cục Tiêu chuẩn Đo lường Chất lượng', 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ'] },
    { name: 'Sở Giáo dục và Đào tạo', kind: C, unitType: 'administrative', cells: 5, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Giáo dục trung học', 'Phòng Giáo dục mầm non - tiểu học', 'Phòng Khảo thí và Kiểm định chất lượng giáo dục', 'Phòng Tổ chức cán bộ', 'Phòng Kế hoạch - Tài chính'] },
    { name: 'Ban Tuyên giáo {TU}', kind: c, unitType: 'administrative', cells: 0 },
    { name: 'Sở Y tế', kind: C, unitType: 'administrative', cells: 6, cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Nghiệp vụ Y', 'Phòng Nghiệp vụ Dược', 'Phòng Kế hoạch - Tài chính', 'Chi cục Dân số - Kế hoạch hóa gia đình', 'Chi cục An toàn vệ sinh thực phẩm', 'Trung tâm Giám định y khoa', 'Trung tâm Pháp y'] },
    { name: 'Thanh tra {t}', kind: C, unitType: 'administrative', cells: 3, cellNames: ['Văn phòng', 'Phòng Nghiệp vụ 1', 'Phòng Nghiệp vụ 2', 'Phòng Nghiệp vụ 3', 'Phòng Phòng, chống tham nhũng'] },
    { name: 'Văn phòng Ủy ban nhân dân {t}', kind: C, unitType: 'administrative', cells: 5, cellNames: ['Phòng Tổng hợp', 'Phòng Kinh tế', 'Phòng Nội chính', 'Phòng Khoa giáo - Văn xã', 'Phòng Hành chính - Tổ chức', 'Trung tâm Tin học - Công báo', 'Ban Tiếp công dân'] },
    {
      name: 'Cục Thuế {t}', kind: C, unitType: 'administrative', cells: 11,
      cellNames: ['Văn phòng', 'Phòng Kiểm tra thuế số 1', 'Phòng Kiểm tra thuế số 2', 'Phòng Thanh tra - Kiểm tra', 'Phòng Quản lý nợ và cưỡng chế nợ thuế', 'Phòng Tuyên truyền - Hỗ trợ người nộp thuế', 'Phòng Kê khai và Kế toán thuế', 'Phòng Tổ chức cán bộ', 'Phòng Nghiệp vụ - Dự toán - Pháp chế', 'Phòng Công nghệ thông tin'],
      sections: [{ name: 'Các Chi cục Thuế', cells: 4, cellNames: [], perDistrict: 'Chi cục Thuế {d}' }],
    },
    { name: 'Kho bạc Nhà nước {t}', kind: C, unitType: 'administrative', cells: 6, cellNames: ['Văn phòng', 'Phòng Kế toán nhà nước', 'Phòng Kiểm soát chi', 'Phòng Thanh tra - Kiểm tra', 'Phòng Tổ chức cán bộ', 'Phòng Tin học'], perDistrict: 'Kho bạc Nhà nước {d}' },
    { name: 'Cục Thống kê {t}', kind: C, unitType: 'administrative', cells: 5, cellNames: ['Văn phòng', 'Phòng Thống kê Tổng hợp', 'Phòng Thống kê Kinh tế', 'Phòng Thống kê Xã hội'], perDistrict: 'Chi cục Thống kê {d}' },
    { name: 'Tòa án nhân dân {t}', kind: C, unitType: 'administrative', cells: 5, cellNames: ['Văn phòng', 'Tòa Hình sự', 'Tòa Dân sự', 'Tòa Hành chính', 'Tòa Gia đình và người chưa thành niên', 'Phòng Kiểm tra nghiệp vụ và thi hành án'] },
    { name: 'Viện Kiểm sát nhân dân {t}', kind: C, unitType: 'administrative', cells: 5, cellNames: ['Văn phòng', 'Phòng Thực hành quyền công tố và kiểm sát xét xử sơ thẩm án hình sự', 'Phòng Kiểm sát điều tra', 'Phòng Kiểm sát việc giải quyết các vụ, việc dân sự, hôn nhân và gia đình', 'Phòng Kiểm sát thi hành án dân sự', 'Phòng Thống kê tội phạm và công nghệ thông tin'] },
    { name: 'Cục Thi hành án dân sự {t}', kind: C, unitType: 'administrative', cells: 4, cellNames: ['Văn phòng', 'Phòng Nghiệp vụ và tổ chức thi hành án', 'Phòng Kiểm tra, giải quyết khiếu nại, tố cáo', 'Phòng Tổ chức cán bộ'] },
    { name: 'Văn phòng {TU}', kind: C, unitType: 'administrative', cells: 4, cellNames: ['Phòng Tổng hợp', 'Phòng Hành chính - Lưu trữ', 'Phòng Tài chính - Đảng vụ', 'Phòng Quản trị', 'Phòng Cơ yếu'] },
    {
      name: 'Sở Nông nghiệp và Phát triển nông thôn', kind: C, unitType: 'administrative', cells: 14,
      cellNames: ['Văn phòng', 'Thanh tra Sở', 'Phòng Kế hoạch - Tài chính', 'Chi cục Trồng trọt và Bảo vệ thực vật', 'Chi cục Chăn nuôi và Thú y', 'Chi cục Thủy lợi', 'Chi cục Phát triển nông thôn', 'Chi cục Quản lý chất lượng nông lâm sản và thủy sản', 'Trung tâm Khuyến nông', 'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn', 'Ban Quản lý rừng phòng hộ'],
      sections: [{ name: 'Chi cục Kiểm lâm', cells: 5, cellNames: ['Văn phòng Chi cục Kiểm lâm', 'Đội Kiểm lâm cơ động và phòng cháy, chữa cháy rừng'], perDistrict: 'Hạt Kiểm lâm {d}' }],
    },
  ],
  public_service: [
    { name: 'Bệnh viện Y học cổ truyền {t}', kind: C, unitType: 'public_service', cells: 6, cellNames: hospitalCells },
    { name: 'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông {t}', kind: c, unitType: 'public_service', cells: 0 },
    { name: 'Trung tâm Kiểm soát bệnh tật {t}', kind: C, unitType: 'public_service', cells: 7, cellNames: ['Khoa Phòng chống bệnh truyền nhiễm', 'Khoa Dinh dưỡng', 'Khoa Sức khỏe sinh sản', 'Khoa Xét nghiệm', 'Phòng Kế hoạch - Nghiệp vụ', 'Phòng Tổ chức - Hành chính', 'Khoa Truyền thông giáo dục sức khỏe', 'Khoa Sức khỏe môi trường - Y tế trường học'] },
    { name: 'Trung tâm Phục vụ hành chính công {t}', kind: c, unitType: 'public_service', cells: 0 },
    { name: 'Trường Cao đẳng Sư phạm {P}', kind: C, unitType: 'public_service', cells: 6, cellNames: ['Khoa Sư phạm Tự nhiên', 'Khoa Sư phạm Xã hội', 'Khoa Giáo dục Tiểu học - Mầm non', 'Khoa Ngoại ngữ - Tin học', 'Phòng Đào tạo', 'Phòng Tổ chức - Hành chính', 'Phòng Khảo thí và Đảm bảo chất lượng'] },
    { name: 'Đài Khí tượng Thủy văn {t}', kind: c, unitType: 'public_service', cells: 0 },
    { name: 'Trường Trung học phổ thông Chuyên {G}', kind: C, unitType: 'public_service', cells: 4, cellNames: ['Tổ Toán - Tin', 'Tổ Ngữ văn', 'Tổ Ngoại ngữ', 'Tổ Vật lý - Hóa học', 'Tổ Sinh - Địa', 'Tổ Văn phòng'] },
    { name: 'Quỹ Đầu tư phát triển {t}', kind: c, unitType: 'public_service', cells: 0 },
    { name: 'Bệnh viện Phục hồi chức năng {t}', kind: C, unitType: 'public_service', cells: 4, cellNames: hospitalCells },
    { name: 'Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp {t}', kind: c, unitType: 'public_service', cells: 0 },
    { name: 'Trường Cao đẳng Kinh tế - Kỹ thuật {P}', kind: C, unitType: 'public_service', cells: 5, cellNames: ['Khoa Kinh tế', 'Khoa Kỹ thuật', 'Khoa Nông lâm', 'Phòng Đào tạo', 'Phòng Hành chính - Tổng hợp', 'Phòng Công tác học sinh, sinh viên'] },
    { name: 'Trung tâm Xúc tiến đầu tư, thương mại và du lịch {t}', kind: c, unitType: 'public_service', cells: 0 },
    { name: 'Bệnh viện Sản Nhi {t}', kind: C, unitType: 'public_service', cells: 8, cellNames: ['Khoa Khám bệnh', 'Khoa Sản', 'Khoa Phụ', 'Khoa Nhi tổng hợp', 'Khoa Sơ sinh', 'Khoa Hồi sức cấp cứu', 'Khoa Xét nghiệm', 'Khoa Dược', 'Phòng Kế hoạch tổng hợp', 'Phòng Tổ chức - Hành chính'] },
    { name: 'Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn {t}', kind: c, unitType: 'public_service', cells: 0 },
    { name: 'Trường Chính trị {t}', kind: C, unitType: 'public_service', cells: 4, cellNames: ['Khoa Lý luận cơ sở', 'Khoa Xây dựng Đảng', 'Khoa Nhà nước và pháp luật', 'Phòng Tổ chức - Hành chính', 'Phòng Quản lý đào tạo'] },
    { name: 'Quỹ Bảo vệ và Phát triển rừng {t}', kind: c, unitType: 'public_service', cells: 0 },
    { name: 'Trường Phổ thông Dân tộc nội trú {t}', kind: C, unitType: 'public_service', cells: 3, cellNames: ['Tổ Tự nhiên', 'Tổ Xã hội', 'Tổ Văn phòng', 'Tổ Ngoại ngữ - Tin học'] },
    { name: 'Trường Trung cấp nghề Dân tộc nội trú {t}', kind: c, unitType: 'public_service', cells: 0 },
    { name: 'Bảo hiểm xã hội {t}', kind: C, unitType: 'public_service', cells: 11, cellNames: ['Văn phòng', 'Phòng Thu - Sổ thẻ', 'Phòng Chế độ bảo hiểm xã hội', 'Phòng Giám định bảo hiểm y tế', 'Phòng Kế hoạch - Tài chính', 'Phòng Kiểm tra'], perDistrict: 'Bảo hiểm xã hội {d}' },
    {
      name: 'Bệnh viện Đa khoa {t}', kind: C, unitType: 'public_service', cells: 20,
      cellNames: ['Phòng Kế hoạch tổng hợp', 'Phòng Tổ chức cán bộ', 'Phòng Tài chính kế toán', 'Phòng Điều dưỡng', 'Khoa Khám bệnh', 'Khoa Cấp cứu'],
      sections: [
        { name: 'Khối Nội', cells: 6, cellNames: ['Khoa Nội tổng hợp', 'Khoa Tim mạch', 'Khoa Hồi sức tích cực - Chống độc', 'Khoa Nhi', 'Khoa Truyền nhiễm', 'Khoa Thần kinh', 'Khoa Ung bướu'] },
        { name: 'Khối Ngoại', cells: 5, cellNames: ['Khoa Ngoại tổng hợp', 'Khoa Chấn thương chỉnh hình', 'Khoa Phẫu thuật - Gây mê hồi sức', 'Khoa Sản', 'Khoa Tai Mũi Họng', 'Khoa Mắt', 'Khoa Răng Hàm Mặt'] },
        { name: 'Khối Cận lâm sàng', cells: 4, cellNames: ['Khoa Chẩn đoán hình ảnh', 'Khoa Xét nghiệm', 'Khoa Dược', 'Khoa Giải phẫu bệnh', 'Khoa Kiểm soát nhiễm khuẩn'] },
      ],
    },
  ],
  enterprise: [
    { name: 'Công ty Cổ phần Nước sạch {P}', kind: C, unitType: 'enterprise', cells: 4, cellNames: ['Phòng Kỹ thuật', 'Phòng Kế hoạch - Vật tư', 'Phòng Tài chính - Kế toán'], perDistrict: 'Xí nghiệp nước {d}' },
    { name: 'Công ty Xổ số kiến thiết {P}', kind: c, unitType: 'enterprise', cells: 0 },
    { name: 'Viễn thông {P}', kind: C, unitType: 'enterprise', cells: 7, cellNames: ['Phòng Kỹ thuật - Đầu tư', 'Phòng Kế hoạch - Kế toán', 'Phòng Nhân sự - Tổng hợp', 'Trung tâm Điều hành thông tin'], perDistrict: 'Trung tâm Viễn thông {d}' },
    { name: 'Bưu điện {t} {P}', kind: C, unitType: 'enterprise', cells: 5, cellNames: ['Phòng Kinh doanh', 'Phòng Kế toán - Tổng hợp'], perDistrict: 'Bưu điện {d}' },
    { name: 'Công ty Cổ phần Môi trường và Dịch vụ đô thị {P}', kind: c, unitType: 'enterprise', cells: 0 },
    { name: 'Ngân hàng Chính sách xã hội chi nhánh {t} {P}', kind: C, unitType: 'enterprise', cells: 6, cellNames: ['Phòng Kế hoạch - Nghiệp vụ tín dụng', 'Phòng Kế toán - Ngân quỹ', 'Phòng Hành chính - Tổ chức'], perDistrict: 'Phòng giao dịch {d}' },
    { name: 'Ngân hàng Thương mại Cổ phần Công thương Việt Nam chi nhánh {P}', kind: C, unitType: 'enterprise', cells: 4, cellNames: bankCells },
    { name: 'Ngân hàng Thương mại Cổ phần Đầu tư và Phát triển Việt Nam chi nhánh {P}', kind: C, unitType: 'enterprise', cells: 4, cellNames: bankCells },
    { name: 'Công ty TNHH Một thành viên Khai thác công trình thủy lợi {P}', kind: C, unitType: 'enterprise', cells: 5, cellNames: ['Phòng Kỹ thuật', 'Phòng Kế hoạch - Tài chính'], perDistrict: 'Xí nghiệp thủy lợi {d}' },
    { name: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh {t} {P}', kind: C, unitType: 'enterprise', cells: 10, cellNames: ['Phòng Kế hoạch - Kinh doanh', 'Phòng Kế toán - Ngân quỹ', 'Phòng Tổng hợp'], perDistrict: 'Chi nhánh {d}' },
    {
      name: 'Công ty Điện lực {P}', kind: C, unitType: 'enterprise', cells: 14, cellNames: [], perDistrict: 'Điện lực {d}',
      sections: [{ name: 'Cơ quan Công ty', cells: 5, cellNames: ['Phòng Kỹ thuật', 'Phòng Kinh doanh', 'Phòng Tài chính kế toán', 'Phòng Tổ chức và Nhân sự', 'Phòng Điều độ', 'Phòng An toàn'] }],
    },
  ],
  mass_org: [
    { name: 'Hội Nông dân {t}', kind: c, unitType: 'mass_org', cells: 0 },
    { name: 'Liên đoàn Lao động {t}', kind: C, unitType: 'mass_org', cells: 4, cellNames: ['Văn phòng', 'Ban Tổ chức', 'Ban Chính sách - Pháp luật', 'Ban Tuyên giáo - Nữ công', 'Ủy ban Kiểm tra', 'Nhà Văn hóa Lao động'] },
    { name: 'Hội Liên hiệp Phụ nữ {t}', kind: c, unitType: 'mass_org', cells: 0 },
    { name: 'Cơ quan {t} đoàn', kind: c, unitType: 'mass_org', cells: 0 },
    { name: 'Ủy ban Mặt trận Tổ quốc Việt Nam {t}', kind: c, unitType: 'mass_org', cells: 0 },
    { name: 'Hội Cựu chiến binh {t}', kind: c, unitType: 'mass_org', cells: 0 },
    { name: 'Liên hiệp các Hội Khoa học và Kỹ thuật {t}', kind: c, unitType: 'mass_org', cells: 0 },
    { name: 'Liên minh Hợp tác xã {t}', kind: c, unitType: 'mass_org', cells: 0 },
    { name: 'Hội Văn học Nghệ thuật {t}', kind: c, unitType: 'mass_org', cells: 0 },
  ],
  press: [
    { name: 'Báo {P}', kind: c, unitType: 'press', cells: 0 },
    { name: 'Đài Phát thanh và Truyền hình {t}', kind: C, unitType: 'press', cells: 5, cellNames: ['Phòng Thời sự', 'Phòng Chuyên đề', 'Phòng Kỹ thuật - Công nghệ', 'Phòng Biên tập', 'Phòng Hành chính - Tổ chức', 'Phòng Chương trình dân tộc'] },
  ],
};

/** The grassroots organisations every district has, most important first. */
export const districtUnits: readonly DemoUnitData[] = [
  { name: 'Cơ quan Chính quyền {d}', kind: C, unitType: 'administrative', cells: 8, cellNames: ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân', 'Phòng Nội vụ', 'Phòng Tài chính - Kế hoạch', 'Phòng Tư pháp', 'Phòng Kinh tế - Hạ tầng', 'Phòng Nông nghiệp và Phát triển nông thôn', 'Phòng Tài nguyên và Môi trường', 'Phòng Lao động - Thương binh và Xã hội', 'Phòng Văn hóa và Thông tin', 'Phòng Giáo dục và Đào tạo', 'Phòng Y tế', 'Thanh tra {dl}', 'Phòng Dân tộc'] },
  { name: 'Cơ quan Đảng - Đoàn thể {d}', kind: C, unitType: 'administrative', cells: 6, cellNames: ['Văn phòng {HU}', 'Ban Tổ chức {HU}', 'Ủy ban Kiểm tra {HU}', 'Ban Tuyên giáo {HU}', 'Ban Dân vận {HU}', 'Trung tâm Chính trị {dl}', 'Mặt trận Tổ quốc và các đoàn thể'] },
  { name: 'Công an {d}', kind: C, unitType: null, cells: 5, cellNames: ['Đội Cảnh sát điều tra tội phạm về trật tự xã hội', 'Đội Cảnh sát giao thông - trật tự', 'Đội An ninh', 'Đội Tham mưu - Tổng hợp', 'Đội Cảnh sát quản lý hành chính về trật tự xã hội', 'Đội Cảnh sát điều tra tội phạm về ma túy', 'Đội Cảnh sát kinh tế'] },
  { name: 'Quân sự {d}', kind: C, unitType: null, cells: 3, cellNames: ['Cơ quan Ban Chỉ huy', 'Tham mưu', 'Chính trị - Hậu cần'] },
  { name: 'Trung tâm Y tế {d}', kind: C, unitType: 'public_service', cells: 6, cellNames: ['Khoa Khám bệnh', 'Khoa Nội - Nhi', 'Khoa Ngoại - Sản', 'Khoa Hồi sức cấp cứu', 'Khoa Kiểm soát bệnh tật', 'Khoa Dược - Xét nghiệm', 'Phòng Tổ chức - Hành chính', 'Khoa Y học cổ truyền'] },
  { name: 'Tòa án nhân dân {d}', kind: c, unitType: 'administrative', cells: 0 },
  { name: 'Viện Kiểm sát nhân dân {d}', kind: c, unitType: 'administrative', cells: 0 },
  { name: 'Chi cục Thi hành án dân sự {d}', kind: c, unitType: 'administrative', cells: 0 },
  { name: 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {d}', kind: c, unitType: 'public_service', cells: 0 },
  { name: 'Trung tâm Văn hóa, Thông tin và Thể thao {d}', kind: c, unitType: 'press', cells: 0 },
  { name: 'Ban Quản lý dự án đầu tư xây dựng {d}', kind: c, unitType: 'public_service', cells: 0 },
  { name: 'Trung tâm Dịch vụ nông nghiệp {d}', kind: c, unitType: 'public_service', cells: 0 },
  { name: 'Trường Trung học phổ thông {ds}', kind: c, unitType: 'public_service', cells: 0 },
  { name: 'Trường Phổ thông Dân tộc nội trú Trung học cơ sở và Trung học phổ thông {ds}', kind: c, unitType: 'public_service', cells: 0 },
  { name: 'Trung tâm Phát triển quỹ đất {d}', kind: c, unitType: 'public_service', cells: 0 },
];

/** Grassroots units of the provincial police; cells beneath are its teams ("Đội"). */
export const policeUnits: readonly string[] = [
  'Phòng An ninh chính trị nội bộ', 'Phòng An ninh kinh tế', 'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
  'Phòng Cảnh sát hình sự', 'Phòng Cảnh sát kinh tế', 'Phòng Cảnh sát điều tra tội phạm về ma túy', 'Phòng Cảnh sát giao thông',
  'Phòng Cảnh sát quản lý hành chính về trật tự xã hội', 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ', 'Phòng Cảnh sát cơ động',
  'Phòng Cảnh sát môi trường', 'Phòng Cảnh sát thi hành án hình sự và hỗ trợ tư pháp', 'Phòng Kỹ thuật hình sự', 'Phòng Tham mưu',
  'Phòng Tổ chức cán bộ', 'Phòng Công tác đảng và công tác chính trị', 'Phòng Hậu cần', 'Phòng Hồ sơ', 'Phòng Quản lý xuất nhập cảnh',
  'Phòng Xây dựng phong trào bảo vệ an ninh Tổ quốc', 'Cơ quan Cảnh sát điều tra', 'Cơ quan An ninh điều tra', 'Trại tạm giam',
  'Phòng Thanh tra', 'Phòng Pháp chế và quản lý khoa học', 'Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu',
];

/** Grassroots units of the provincial military command. */
export const militaryUnits: readonly string[] = [
  'Cơ quan Bộ Chỉ huy Quân sự {t}', 'Trường Quân sự {t}', 'Đại đội Trinh sát', 'Đại đội Công binh', 'Đại đội Thông tin', 'Đại đội Pháo phòng không',
  'Kho Vũ khí - Đạn', 'Đội K92', 'Ban Chỉ huy Phòng thủ khu vực 1', 'Ban Chỉ huy Phòng thủ khu vực 2',
];

/** Lines of business of provincial enterprises under the enterprise bloc. */
export const enterpriseTrades: readonly string[] = [
  'Xi măng', 'Vận tải', 'Xây dựng và Phát triển hạ tầng', 'Dược phẩm', 'Thương mại', 'Du lịch', 'Khoáng sản', 'Sách và Thiết bị trường học',
  'Đầu tư và Phát triển nhà', 'Cơ khí', 'Vật tư nông nghiệp', 'Giống cây trồng', 'Chè', 'Mía đường', 'May', 'Gạch ngói', 'In', 'Tư vấn xây dựng',
  'Quản lý đường bộ', 'Bến xe', 'Lương thực', 'Thủy điện', 'Cấp thoát nước', 'Nông sản', 'Thức ăn chăn nuôi', 'Gỗ', 'Bao bì', 'Dịch vụ bảo vệ',
];

export const enterpriseCells: readonly string[] = [
  'Phòng Tổ chức - Hành chính', 'Phòng Kế toán', 'Phòng Kinh doanh', 'Phòng Kỹ thuật', 'Phân xưởng số 1', 'Phân xưởng số 2', 'Phân xưởng số 3',
  'Xí nghiệp số 1', 'Xí nghiệp số 2', 'Đội Thi công', 'Phòng Vật tư', 'Chi nhánh Hà Nội',
];
