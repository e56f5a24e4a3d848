import {
  Badge,
  Drawer,
  Modal,
  MultiSelect,
  Notification,
  PasswordInput,
  Select,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
} from '@mantine/core';
import type { CSSVariablesResolver, VariantColorsResolver } from '@mantine/core';

/** Palettes whose darkest shade is still too light for small text on a tinted background (WCAG AA). */
const paleHues = new Set(['green', 'lime', 'yellow', 'orange', 'teal', 'cyan']);

/**
 * Light, outline and subtle variants write text in the colour itself; Mantine's default shade is
 * below 4.5:1 contrast for several hues, so text uses the darkest shade, darkened further for pale hues.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'outline' && input.variant !== 'subtle') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !input.theme.colors[parsed.color]) return colors;
  const darkest = input.theme.colors[parsed.color][9];
  const text = paleHues.has(parsed.color) ? darken(darkest, 0.3) : darkest;
  return { ...colors, color: text, border: input.variant === 'outline' ? `1px solid ${text}` : colors.border };
};

export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: { light: 9, dark: 6 },
  fontFamily: '"Be Vietnam Pro", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
  focusRing: 'auto',
  headings: { fontWeight: '700' },
  variantColorResolver,
  components: {
    /** Vietnamese diacritics read badly in small capitals. */
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
    Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Bỏ chọn' }, nothingFoundMessage: 'Không có lựa chọn phù hợp' } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Bỏ chọn' } } }),
    /** Mantine's built-in accessible names are English; screen readers should hear Vietnamese. */
    PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Hiện hoặc ẩn mật khẩu' } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Đóng' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Đóng' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Đóng thông báo' } } }),
  },
});

/**
 * Mantine's default "dimmed" grey and error red (red-6, 3.3:1) are below WCAG AA contrast on white; darker shades keep
 * small print and field errors readable.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
