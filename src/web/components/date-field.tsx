import { DateInput } from '@mantine/dates';
import type { DateInputProps } from '@mantine/dates';
import { parseVnDate } from '../../shared/vietnamese';

interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> {
  /** ISO date (yyyy-mm-dd) or null. */
  value: string | null;
  onChange: (value: string | null) => void;
}

/** A date typed or picked as dd/mm/yyyy, kept as an ISO date string. */
export function DateField({ value, onChange, placeholder = 'dd/mm/yyyy', ...props }: DateFieldProps) {
  return (
    <DateInput
      {...props}
      value={value}
      onChange={(next) => onChange(next === null ? null : next.slice(0, 10))}
      valueFormat="DD/MM/YYYY"
      dateParser={(text) => parseVnDate(text)}
      placeholder={placeholder}
      clearable={props.clearable ?? !props.required}
      clearButtonProps={{ 'aria-label': 'Xóa ngày' }}
      popoverProps={{ withinPortal: true, ...props.popoverProps }}
      hideOutsideDates
      previousLabel="Tháng trước"
      nextLabel="Tháng sau"
    />
  );
}
