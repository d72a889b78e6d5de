import { documentsVi } from './documents.vi.ts';
import { evaluationsVi } from './evaluations.vi.ts';
import { inboxVi, notificationCentreVi, scheduleVi, searchVi } from './everyday.vi.ts';
import { indicatorsVi } from './indicators.vi.ts';
import { meetingsVi } from './meetings.vi.ts';
import { plansVi } from './plans.vi.ts';
import { reportsVi } from './reports.vi.ts';
import { tasksVi } from './tasks.vi.ts';
import type { viCore } from './vi.ts';

/** The Vietnamese texts of the signed-in pages and the meeting links, loaded with them (see page-texts.ts). */
export const viPages = {
  meetings: meetingsVi,
  tasks: tasksVi,
  plans: plansVi,
  reports: reportsVi,
  indicators: indicatorsVi,
  documents: documentsVi,
  inbox: inboxVi,
  search: searchVi,
  notificationCentre: notificationCentreVi,
  schedule: scheduleVi,
  evaluations: evaluationsVi,
};

/** Every Vietnamese text: the shape every translation has. */
export type Vi = typeof viCore & typeof viPages;
