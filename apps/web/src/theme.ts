import { createTheme, type MantineColorsTuple } from '@mantine/core';

// The deep red of Vietnamese government portals, as a Mantine palette (index 8 is the brand colour #a8151b).
const govRed: MantineColorsTuple = [
  '#fdecec',
  '#f7d7d8',
  '#ecadaf',
  '#e28083',
  '#d95a5e',
  '#d44246',
  '#d2353a',
  '#ba272c',
  '#a8151b',
  '#930d14',
];

// Mantine's grays, but shade 6 — the "dimmed" text colour used app-wide — darkened from #868e96 (3.32:1 on
// white, failing WCAG 2.1 AA) to #646b72: 5.4:1 on white, 5.1:1 on the page's gray-0, 4.9:1 on gray-1.
const gray: MantineColorsTuple = [
  '#f8f9fa',
  '#f1f3f5',
  '#e9ecef',
  '#dee2e6',
  '#ced4da',
  '#adb5bd',
  '#646b72',
  '#495057',
  '#343a40',
  '#212529',
];

// Web fonts are not allowed offline; these system fonts all carry Vietnamese diacritics.
const systemFonts =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export const theme = createTheme({
  primaryColor: 'govRed',
  primaryShade: 8,
  colors: { govRed, gray },
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: '650' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md' } },
    Modal: { defaultProps: { centered: true, radius: 'md' } },
    // Badges carry Vietnamese words (levels, statuses): upper case would hurt their diacritics' legibility.
    Badge: {
      defaultProps: { variant: 'light', size: 'md', radius: 'sm' },
      styles: { root: { textTransform: 'none', fontWeight: 500 } },
    },
  },
});
