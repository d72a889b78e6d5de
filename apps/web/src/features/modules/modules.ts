import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChecklist,
  IconFileText,
  IconReportAnalytics,
} from '@tabler/icons-react';

/**
 * The committee's work modules, in menu order. Navigation and the dashboard cards are generated from this list;
 * a module whose API is not built yet has a placeholder route that shows what it will hold.
 */
export const COMMITTEE_MODULES = [
  { key: 'committees', path: '/ban-chi-dao', icon: IconBuildingCommunity },
  { key: 'meetings', path: '/cuoc-hop', icon: IconCalendarEvent },
  { key: 'tasks', path: '/nhiem-vu', icon: IconChecklist },
  { key: 'documents', path: '/van-ban', icon: IconFileText },
  { key: 'reports', path: '/bao-cao', icon: IconReportAnalytics },
] as const;

export type CommitteeModule = (typeof COMMITTEE_MODULES)[number];
export type ModuleKey = CommitteeModule['key'];
