import { z } from 'zod';

/**
 * Vietnamese messages for the checks that the shared schemas leave without one (plain `max(100)`,
 * a missing value…). Messages written in the schemas themselves still win.
 */
export function setVietnameseZodMessages(): void {
  z.config({
    localeError: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          return issue.input === undefined || issue.input === null || issue.input === '' ? 'Trường này là bắt buộc' : 'Giá trị không hợp lệ';
        case 'too_big':
          if (issue.origin === 'string') return `Tối đa ${issue.maximum.toString()} ký tự`;
          if (issue.origin === 'array') return `Tối đa ${issue.maximum.toString()} mục`;
          return `Giá trị phải không lớn hơn ${issue.maximum.toString()}`;
        case 'too_small':
          if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Trường này là bắt buộc' : `Tối thiểu ${issue.minimum.toString()} ký tự`;
          if (issue.origin === 'array') return `Cần chọn ít nhất ${issue.minimum.toString()} mục`;
          return `Giá trị phải không nhỏ hơn ${issue.minimum.toString()}`;
        case 'invalid_format':
          return 'Định dạng không hợp lệ';
        case 'invalid_value':
          return 'Lựa chọn không hợp lệ';
        default:
          return 'Giá trị không hợp lệ';
      }
    },
  });
}
