import type { Translation } from './en.ts';

export const inboxEn: Translation['inbox'] = {
  title: 'Waiting for me',
  subtitle:
    'Everything waiting for your decision or answer, newest first: absences and substitutes to approve, late-notice requests, minutes, completion reports, extension requests, documents to sign, unanswered invitations and personnel changes.',
  hint: 'Newest first; click an item to open the page where it is handled.',
  empty: 'Nothing is waiting for you.',
  emptyHint: 'When a request, report or invitation needs your decision, it appears here.',
  all: 'All ({{count}})',
  filter: 'Filter by kind',
  noneOfKind: 'Nothing of this kind is left.',
  kinds: {
    absenceApproval: 'Absence or substitute',
    lateNotice: 'Late notice',
    minutesApproval: 'Minutes to approve',
    invitation: 'Unanswered invitation',
    taskReview: 'Completion to review',
    extensionRequest: 'Extension request',
    documentSign: 'Document to sign',
    personnelChange: 'Personnel change',
  },
};

export const searchEn: Translation['search'] = {
  open: 'Search',
  placeholder: 'Search meetings, tasks, documents, committees, people…',
  label: 'Search the system',
  hint: 'Accents are optional; ↑ ↓ to choose, Enter to open.',
  tooShort: 'Type at least 2 characters.',
  empty: 'Nothing found.',
  failed: 'The search failed, please try again.',
  groups: {
    meetings: 'Meetings',
    tasks: 'Tasks',
    documents: 'Documents',
    committees: 'Steering committees',
    people: 'People',
  },
};

export const notificationCentreEn: Translation['notificationCentre'] = {
  title: 'Notifications',
  subtitle: 'Every notification you received, newest first.',
  state: 'State',
  states: { all: 'All', unread: 'Unread', read: 'Read' },
  area: 'Kind',
  areas: {
    all: 'All kinds',
    meeting: 'Meetings',
    task: 'Tasks',
    document: 'Documents',
    report: 'Reports',
    personnel: 'Personnel',
    other: 'Other',
  },
  unreadCount: '{{count}} unread',
  empty: 'No notification matches.',
  more: 'Show more',
  markRead: 'Mark as read',
  open: 'Open',
};
