import { Center, Loader } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  type ParsedLocation,
  redirect,
} from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { NotFoundPage } from './components/not-found-page.tsx';
import { RouteErrorPage } from './components/route-error-page.tsx';
import { isAdmin, sessionQueryOptions, useSession } from './features/auth/api.ts';
import { LoginPage } from './features/auth/components/login-page.tsx';
import { parseCalendarSearch } from './features/calendar/search.ts';
import { parseCommitteeSearch, parseCommitteesSearch } from './features/committees/search.ts';
import { parseDocumentsSearch } from './features/documents/search.ts';
import {
  parseLateNoticeSearch,
  parseMeetingSearch,
  parseMeetingsSearch,
  parseRsvpSearch,
} from './features/meetings/search.ts';
import { parseTasksSearch } from './features/tasks/tasks.ts';
import { parseUsersSearch } from './features/users/search.ts';
import { parseRedirectSearch } from './lib/redirect.ts';

/*
 * Pages are loaded when their route is first visited (or hovered: preload on intent), so the login page and each
 * first page after it download only what they show.
 */
const ChangePasswordPage = lazyRouteComponent(
  () => import('./features/auth/components/change-password-page.tsx'),
  'ChangePasswordPage',
);
const CalendarPage = lazyRouteComponent(
  () => import('./features/calendar/components/calendar-page.tsx'),
  'CalendarPage',
);
const CommitteePage = lazyRouteComponent(
  () => import('./features/committees/components/committee-page.tsx'),
  'CommitteePage',
);
const CommitteesPage = lazyRouteComponent(
  () => import('./features/committees/components/committees-page.tsx'),
  'CommitteesPage',
);
const DashboardPage = lazyRouteComponent(
  () => import('./features/dashboard/components/dashboard-page.tsx'),
  'DashboardPage',
);
const DocumentPage = lazyRouteComponent(
  () => import('./features/documents/components/document-page.tsx'),
  'DocumentPage',
);
const DocumentsPage = lazyRouteComponent(
  () => import('./features/documents/components/documents-page.tsx'),
  'DocumentsPage',
);
const InboxPage = lazyRouteComponent(() => import('./features/inbox/components/inbox-page.tsx'), 'InboxPage');
const NotificationsPage = lazyRouteComponent(
  () => import('./features/notifications/components/notifications-page.tsx'),
  'NotificationsPage',
);
const SchedulePage = lazyRouteComponent(
  () => import('./features/schedule/components/schedule-page.tsx'),
  'SchedulePage',
);
const LateNoticePage = lazyRouteComponent(
  () => import('./features/meetings/components/late-notice-page.tsx'),
  'LateNoticePage',
);
const MeetingPage = lazyRouteComponent(
  () => import('./features/meetings/components/meeting-page.tsx'),
  'MeetingPage',
);
const MeetingsPage = lazyRouteComponent(
  () => import('./features/meetings/components/meetings-page.tsx'),
  'MeetingsPage',
);
const RsvpPage = lazyRouteComponent(() => import('./features/meetings/components/rsvp-page.tsx'), 'RsvpPage');
const ParPage = lazyRouteComponent(() => import('./features/indicators/components/par-page.tsx'), 'ParPage');
const PlanPage = lazyRouteComponent(() => import('./features/plans/components/plan-page.tsx'), 'PlanPage');
const ReportPage = lazyRouteComponent(
  () => import('./features/reports/components/report-page.tsx'),
  'ReportPage',
);
const ReportsPage = lazyRouteComponent(
  () => import('./features/reports/components/reports-page.tsx'),
  'ReportsPage',
);
const RollupPage = lazyRouteComponent(
  () => import('./features/reports/components/rollup-page.tsx'),
  'RollupPage',
);
const AppLayout = lazyRouteComponent(() => import('./features/shell/components/app-layout.tsx'), 'AppLayout');
const TaskPage = lazyRouteComponent(() => import('./features/tasks/components/task-page.tsx'), 'TaskPage');
const TasksPage = lazyRouteComponent(() => import('./features/tasks/components/tasks-page.tsx'), 'TasksPage');
const UnitsPage = lazyRouteComponent(() => import('./features/units/components/units-page.tsx'), 'UnitsPage');
const UsersPage = lazyRouteComponent(() => import('./features/users/components/users-page.tsx'), 'UsersPage');

/**
 * A route component that renders a lazily loaded page: the router fetches the page with the route's data. The
 * page's `preload` is read at each navigation, not kept: once loaded, lazyRouteComponent drops it, and a route
 * whose page is there must render at once. Kept, it would import the page again on every visit and the route
 * would wait for that promise, suspending the page for a moment after the address has already changed.
 */
function withPage<C extends () => ReactNode>(
  page: { preload?: () => Promise<void> | undefined },
  component: C,
): C {
  return Object.assign(component, { preload: () => page.preload?.() });
}

/*
 * Code-based routes. Each route only wires a feature's queries and components together; the pages live in
 * src/features. Paths are Vietnamese, as users read and share them.
 */

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dang-nhap',
  validateSearch: parseRedirectSearch,
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (session?.user.mustChangePassword) throw redirect({ to: '/doi-mat-khau', search });
    if (session) throw redirect({ href: search.redirect ?? '/' });
  },
  component: function LoginRoute() {
    const { redirect } = loginRoute.useSearch();
    return <LoginPage redirectTo={redirect ?? '/'} />;
  },
});

/** Where a visitor who is not signed in goes: the login page, coming back here afterwards. */
const toLogin = (location: ParsedLocation) =>
  redirect({ to: '/dang-nhap', search: { redirect: location.href } });

const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/doi-mat-khau',
  validateSearch: parseRedirectSearch,
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (!session) throw toLogin(location);
  },
  component: withPage(ChangePasswordPage, function ChangePasswordRoute() {
    const { redirect } = changePasswordRoute.useSearch();
    const session = useSession();
    if (!session) return null;
    return (
      <ChangePasswordPage
        username={session.user.username}
        forced={session.user.mustChangePassword}
        redirectTo={redirect ?? '/'}
      />
    );
  }),
});

/** Every signed-in page: requires a session whose initial password has been changed. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (!session) throw toLogin(location);
    if (session.user.mustChangePassword) {
      throw redirect({ to: '/doi-mat-khau', search: { redirect: location.href } });
    }
    return { session };
  },
  component: AppLayout,
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: withPage(DashboardPage, function DashboardRoute() {
    const session = useSession();
    return session ? <DashboardPage user={session.user} /> : null;
  }),
});

/** Việc chờ tôi xử lý: everything waiting for my decision or answer (issue 19). */
const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/viec-cho-xu-ly',
  component: withPage(InboxPage, function InboxRoute() {
    return <InboxPage />;
  }),
});

/** Thông báo: the whole history behind the bell (issue 19). */
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/thong-bao',
  component: withPage(NotificationsPage, function NotificationsRoute() {
    return <NotificationsPage />;
  }),
});

/** Lịch công tác: the week's or month's meetings and deadlines, printable, with the personal ICS address (issue 19). */
const scheduleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lich-cong-tac',
  component: withPage(SchedulePage, function ScheduleRoute() {
    return <SchedulePage />;
  }),
});

/** The English address the issue named: the same page. */
const inboxAliasRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inbox',
  beforeLoad: () => {
    throw redirect({ to: '/viec-cho-xu-ly' });
  },
});

/** Ban Chỉ đạo: the committees I may see, as a tree; `?q=` searches, `?mine=true` keeps mine. */
const committeesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ban-chi-dao',
  validateSearch: parseCommitteesSearch,
  component: withPage(CommitteesPage, function CommitteesRoute() {
    const search = committeesRoute.useSearch();
    const navigate = committeesRoute.useNavigate();
    return (
      <CommitteesPage
        search={search}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  }),
});

/** One committee; `?tab=` keeps the open tab (notifications link to `?tab=thanh-vien`). */
const committeeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ban-chi-dao/$committeeId',
  validateSearch: parseCommitteeSearch,
  // The query comes with the feature's api.ts (not in the first download); the component subscribes to it.
  loader: async ({ context, params }) => {
    const options = (await import('./features/committees/api.ts')).committeeQueryOptions(params.committeeId);
    await context.queryClient.ensureQueryData(options);
    return options;
  },
  component: withPage(CommitteePage, function CommitteeRoute() {
    const { tab } = committeeRoute.useSearch();
    const navigate = committeeRoute.useNavigate();
    const { data: committee } = useSuspenseQuery(committeeRoute.useLoaderData());
    return (
      <CommitteePage
        committee={committee}
        tab={tab ?? 'thanh-vien'}
        onTabChange={(next) => void navigate({ search: { tab: next }, replace: true })}
      />
    );
  }),
});

/** Cuộc họp: a committee's meetings (`?ban=`, `?status=`, `?nam=`), upcoming first. */
const meetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cuoc-hop',
  validateSearch: parseMeetingsSearch,
  component: withPage(MeetingsPage, function MeetingsRoute() {
    const search = meetingsRoute.useSearch();
    const navigate = meetingsRoute.useNavigate();
    return (
      <MeetingsPage
        search={search}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  }),
});

/** One meeting; `?tab=` keeps the open tab (notifications link to the meeting itself). */
const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cuoc-hop/$meetingId',
  validateSearch: parseMeetingSearch,
  // The query comes with the feature's api.ts (not in the first download); the component subscribes to it.
  loader: async ({ context, params }) => {
    const options = (await import('./features/meetings/api.ts')).meetingQueryOptions(params.meetingId);
    await context.queryClient.ensureQueryData(options);
    return options;
  },
  component: withPage(MeetingPage, function MeetingRoute() {
    const { tab } = meetingRoute.useSearch();
    const navigate = meetingRoute.useNavigate();
    const { data: meeting } = useSuspenseQuery(meetingRoute.useLoaderData());
    return (
      <MeetingPage
        meeting={meeting}
        tab={tab ?? 'thong-tin'}
        onTabChange={(next) => void navigate({ search: { tab: next }, replace: true })}
      />
    );
  }),
});

/** The invitation e-mail's personal link: public, the signed token is the credential (R10). */
const rsvpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/xac-nhan',
  validateSearch: parseRsvpSearch,
  component: withPage(RsvpPage, function RsvpRoute() {
    const { token } = rsvpRoute.useSearch();
    return <RsvpPage token={token} />;
  }),
});

/** The chair's one-click link to a late-notice request (R9): public, the signed token is the credential. */
const lateNoticeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/duyet-gui-muon',
  validateSearch: parseLateNoticeSearch,
  component: withPage(LateNoticePage, function LateNoticeRoute() {
    const { token } = lateNoticeRoute.useSearch();
    return <LateNoticePage token={token} />;
  }),
});

/** Văn bản: the committee's register (`?ban=`, `?loai=`, `?chieu=`, `?so=`, `?tu=`, `?den=`, `?noiBanHanh=`, `?q=`). */
const documentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/van-ban',
  validateSearch: parseDocumentsSearch,
  component: withPage(DocumentsPage, function DocumentsRoute() {
    const search = documentsRoute.useSearch();
    const navigate = documentsRoute.useNavigate();
    return (
      <DocumentsPage
        search={search}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  }),
});

/** One document (notifications of a distributed document link here). */
const documentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/van-ban/$documentId',
  // The query comes with the feature's api.ts (not in the first download); the component subscribes to it.
  loader: async ({ context, params }) => {
    const options = (await import('./features/documents/api.ts')).documentQueryOptions(params.documentId);
    await context.queryClient.ensureQueryData(options);
    return options;
  },
  component: withPage(DocumentPage, function DocumentRoute() {
    const { data: document } = useSuspenseQuery(documentRoute.useLoaderData());
    return <DocumentPage document={document} />;
  }),
});

/** Nhiệm vụ: my tasks (`?role=`), or a committee's list (`?ban=`), with the filters in the URL. */
const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nhiem-vu',
  validateSearch: parseTasksSearch,
  // A committee's list first needs the committee (its subtree counters show only above other committees): asked
  // while the page's code downloads, not after it, and not awaited (the page keeps its rows on a filter change).
  loaderDeps: ({ search }) => ({ ban: search.ban }),
  loader: ({ context, deps }) => {
    if (!deps.ban) return;
    const ban = deps.ban;
    void import('./features/committees/api.ts').then(({ committeeQueryOptions }) =>
      context.queryClient.prefetchQuery(committeeQueryOptions(ban)),
    );
  },
  component: withPage(TasksPage, function TasksRoute() {
    const search = tasksRoute.useSearch();
    const navigate = tasksRoute.useNavigate();
    return (
      <TasksPage search={search} onSearchChange={(next) => void navigate({ search: next, replace: true })} />
    );
  }),
});

/** One task (notifications of assignments, reports and decisions link here). */
const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nhiem-vu/$taskId',
  // The query comes with the feature's api.ts (not in the first download); the component subscribes to it.
  loader: async ({ context, params }) => {
    const options = (await import('./features/tasks/api.ts')).taskQueryOptions(params.taskId);
    await context.queryClient.ensureQueryData(options);
    return options;
  },
  component: withPage(TaskPage, function TaskRoute() {
    const { data: task } = useSuspenseQuery(taskRoute.useLoaderData());
    return <TaskPage task={task} />;
  }),
});

/** One annual work plan (R5): listed on its committee's "Kế hoạch công tác" tab. */
const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ke-hoach/$planId',
  // The query comes with the feature's api.ts (not in the first download); the component subscribes to it.
  loader: async ({ context, params }) => {
    const options = (await import('./features/plans/api.ts')).planQueryOptions(params.planId);
    await context.queryClient.ensureQueryData(options);
    return options;
  },
  component: withPage(PlanPage, function PlanRoute() {
    const { data: plan } = useSuspenseQuery(planRoute.useLoaderData());
    return <PlanPage plan={plan} />;
  }),
});

/** Báo cáo (R16): what my committee owes and the regimes it issued; `?ban=` picks one of my committees. */
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bao-cao',
  validateSearch: (search: Record<string, unknown>): { ban?: string } => ({
    ban: typeof search.ban === 'string' ? search.ban : undefined,
  }),
  component: withPage(ReportsPage, function ReportsRoute() {
    const search = reportsRoute.useSearch();
    const navigate = reportsRoute.useNavigate();
    return (
      <ReportsPage
        committeeId={search.ban}
        onCommitteeChange={(ban) => void navigate({ search: { ban }, replace: true })}
      />
    );
  }),
});

/** One report (its reporter and its recipient open it). */
const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bao-cao/$reportId',
  // The query comes with the feature's api.ts (not in the first download); the component subscribes to it.
  loader: async ({ context, params }) => {
    const options = (await import('./features/reports/api.ts')).reportQueryOptions(params.reportId);
    await context.queryClient.ensureQueryData(options);
    return options;
  },
  component: withPage(ReportPage, function ReportRoute() {
    const { data } = useSuspenseQuery(reportRoute.useLoaderData());
    return <ReportPage key={`${data.id}:${data.version}:${data.status}`} report={data} />;
  }),
});

/** The rollup grid of one period (the recipient's). */
const rollupRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bao-cao/ky/$periodId',
  loader: async ({ context, params }) => {
    const options = (await import('./features/reports/api.ts')).rollupQueryOptions(params.periodId);
    await context.queryClient.ensureQueryData(options);
    return options;
  },
  component: withPage(RollupPage, function RollupRoute() {
    const { data } = useSuspenseQuery(rollupRoute.useLoaderData());
    return <RollupPage rollup={data} />;
  }),
});

/** One PAR INDEX self-assessment: listed on its committee's (and the committee above's) "Chỉ số" tab. */
const parRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/chi-so-cai-cach/$parId',
  loader: async ({ context, params }) => {
    const options = (await import('./features/indicators/api.ts')).parQueryOptions(params.parId);
    await context.queryClient.ensureQueryData(options);
    return options;
  },
  component: withPage(ParPage, function ParRoute() {
    const { data: par } = useSuspenseQuery(parRoute.useLoaderData());
    return <ParPage key={`${par.id}-${par.status}`} par={par} />;
  }),
});

/** Administration: system and unit administrators only; for everyone else it does not exist. */
const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/quan-tri',
  beforeLoad: ({ context }) => {
    if (!isAdmin(context.session.user)) throw notFound();
  },
});

const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/quan-tri/nguoi-dung', replace: true });
  },
});

const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/nguoi-dung',
  validateSearch: parseUsersSearch,
  // No loader: the page loads the list itself, so typing a search keeps the current rows (and the search box)
  // on screen instead of putting the whole route back into a pending state.
  component: withPage(UsersPage, function UsersRoute() {
    const search = usersRoute.useSearch();
    const navigate = usersRoute.useNavigate();
    const { session } = usersRoute.useRouteContext();
    return (
      <UsersPage
        search={search}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
        canAssignRoles={session.user.systemRole === 'systemAdmin'}
      />
    );
  }),
});

const unitsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/don-vi',
  // The query comes with the feature's api.ts (not in the first download); the component subscribes to it.
  loader: async ({ context }) => {
    const options = (await import('./features/units/api.ts')).unitChildrenQueryOptions(null);
    await context.queryClient.ensureQueryData(options);
    return options;
  },
  component: withPage(UnitsPage, function UnitsRoute() {
    const { data: topUnits } = useSuspenseQuery(unitsRoute.useLoaderData());
    const { session } = unitsRoute.useRouteContext();
    return <UnitsPage topUnits={topUnits} canManage={session.user.systemRole === 'systemAdmin'} />;
  }),
});

/**
 * Lịch làm việc: the working calendar of a year (`?nam=`), for every signed-in person (the server lets all
 * read it); only system administrators see the controls that adjust it.
 */
const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lich-lam-viec',
  validateSearch: parseCalendarSearch,
  component: withPage(CalendarPage, function CalendarRoute() {
    const search = calendarRoute.useSearch();
    const navigate = calendarRoute.useNavigate();
    const { session } = calendarRoute.useRouteContext();
    return (
      <CalendarPage
        year={search.nam}
        onYearChange={(nam) => void navigate({ search: { nam }, replace: true })}
        canManage={session.user.systemRole === 'systemAdmin'}
      />
    );
  }),
});

/** The calendar's former address under Quản trị, kept for bookmarks (administrators only, like the rest of it). */
const oldCalendarRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/lich-lam-viec',
  validateSearch: parseCalendarSearch,
  beforeLoad: ({ search }) => {
    throw redirect({ to: '/lich-lam-viec', search, replace: true });
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  changePasswordRoute,
  rsvpRoute,
  lateNoticeRoute,
  appRoute.addChildren([
    dashboardRoute,
    inboxRoute,
    inboxAliasRoute,
    notificationsRoute,
    scheduleRoute,
    calendarRoute,
    committeesRoute,
    committeeRoute,
    parRoute,
    meetingsRoute,
    meetingRoute,
    documentsRoute,
    documentRoute,
    tasksRoute,
    taskRoute,
    planRoute,
    reportsRoute,
    reportRoute,
    rollupRoute,
    adminRoute.addChildren([adminIndexRoute, usersRoute, unitsRoute, oldCalendarRoute]),
  ]),
]);

function PendingPage() {
  return (
    <Center mih="40vh">
      <Loader />
    </Center>
  );
}

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // TanStack Query decides freshness; the router should always ask it.
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: RouteErrorPage,
    defaultPendingComponent: PendingPage,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
