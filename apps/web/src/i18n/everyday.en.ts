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

export const scheduleEn: Translation['schedule'] = {
  title: 'Work schedule',
  subtitle:
    "The committee's meetings by week or month, with the week's task deadlines; filter by committee and print on A4.",
  print: 'Print (A4)',
  view: 'View',
  week: 'Week',
  month: 'Month',
  previous: 'Previous',
  next: 'Next',
  today: 'Today',
  committee: 'Steering committee',
  allCommittees: 'All committees I may see',
  weekOf: 'WEEKLY SCHEDULE ({{from}} to {{to}})',
  monthOf: 'SCHEDULE OF {{month}}',
  noMeetings: 'No meeting',
  cancelled: 'Cancelled',
  deadlines: 'Task deadlines ({{count}}):',
  deadlinesShort: '{{count}} deadlines',
  columns: { day: 'Day', time: 'Time', content: 'Content', chair: 'Chair', place: 'Place' },
  weekdays: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
  feed: {
    title: 'Subscribe to my meetings in a calendar app',
    hint: 'Make a private address and add it to Google Calendar, Outlook or your phone ("subscribe by URL"): new, changed and cancelled meetings update by themselves. Keep it secret; you can revoke it at any time.',
    active:
      'An address was made at {{date}}. It is shown only once; make a new one to see it again (the old one stops working).',
    url: 'My calendar address',
    copy: 'Copy',
    copied: 'Copied',
    create: 'Make a calendar address',
    renew: 'Make a new address',
    revoke: 'Revoke',
  },
};
