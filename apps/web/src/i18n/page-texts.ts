import i18n from 'i18next';
import { viPages } from './vi-pages.ts';

/*
 * Imported for its effect by the chunks that show the pages' texts (the signed-in layout, the public meeting links):
 * adds them to the Vietnamese texts before those pages render. English is loaded whole (i18n.ts).
 */
i18n.addResourceBundle('vi', 'translation', viPages, true, true);
