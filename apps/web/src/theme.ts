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

// Web fonts are not allowed offline; these system fonts all carry Vietnamese diacritics.
const systemFonts =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export const theme = createTheme({
  primaryColor: 'govRed',
  primaryShade: 8,
  colors: { govRed },
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
