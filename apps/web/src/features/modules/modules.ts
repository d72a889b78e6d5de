import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChecklist,
  IconFileText,
  IconReportAnalytics,
} from '@tabler/icons-react';

/**
 * The committee's work modules, in menu order. Their APIs are not built yet: each has a route that shows what
 * it will hold. Navigation, the dashboard cards and the routes are all generated from this list.
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
