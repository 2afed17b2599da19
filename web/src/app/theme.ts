import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A warm terracotta. Shade 7 (the primary) has 5.6:1 contrast with white; shade 8 is 7.6:1. */
const ember: MantineColorsTuple = ['#fdf3ee', '#f9e2d6', '#f2c3ab', '#eaa27e', '#e38558', '#dc713f', '#c95f2e', '#a84c22', '#8a3d1b', '#6e3015'];

/** Greens and ambers whose shade 9 keeps 4.5:1 with white text (Mantine's green.9 and yellow.9 do not). */
const forest: MantineColorsTuple = ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#2f9e44', '#237a36', '#1e6b30'];
/** Neutral actions (cancel, leave, discard): shade 7 and the light/outline text are #343a40, 11.5:1 on white. */
const ink: MantineColorsTuple = ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#495057', '#343a40', '#2b3035', '#212529'];
const amber: MantineColorsTuple = ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#fab005', '#c77c02', '#8f5a00', '#7a4d00'];

/** Mantine theme: readable sizes, visible focus, reduced motion respected, and AA contrast everywhere. */
export const theme = createTheme({
  primaryColor: 'ember',
  primaryShade: { light: 7, dark: 4 },
  colors: { ember, forest, amber, ink },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'always',
  respectReducedMotion: true,
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'md' } },
    Anchor: { defaultProps: { c: 'ember.8', underline: 'always' } },
    // Sentence case reads more calmly than the default capitals.
    Badge: { styles: { label: { textTransform: 'none' } } },
  },
});

/** Mantine's default dimmed and error colors are below 4.5:1 on white; use darker shades. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-placeholder': '#6b7178',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-anchor': '#8a3d1b',
    '--mantine-color-ember-light-color': '#8a3d1b',
    '--mantine-color-ember-outline': '#8a3d1b',
    // Light alerts and badges use *-light-color for text; Mantine's defaults are too pale on their tinted backgrounds.
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-yellow-light-color': '#6b4b00',
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-gray-light-color': '#343a40',
    '--mantine-color-blue-light-color': '#1864ab',
    '--mantine-color-ink-light-color': '#343a40',
    '--mantine-color-ink-outline': '#343a40',
    '--mantine-color-forest-light-color': '#1e6b30',
    '--mantine-color-forest-outline': '#1e6b30',
    '--mantine-color-amber-light-color': '#7a4d00',
    '--mantine-color-amber-outline': '#7a4d00',
  },
  dark: {},
});
