import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: '"Be Vietnam Pro", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
  focusRing: 'auto',
  headings: { fontWeight: '700' },
});
