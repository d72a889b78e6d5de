import { Center, Loader } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  notFound,
  Outlet,
  type ParsedLocation,
  redirect,
} from '@tanstack/react-router';
import { NotFoundPage } from './components/not-found-page.tsx';
import { RouteErrorPage } from './components/route-error-page.tsx';
import { isAdmin, sessionQueryOptions, useSession } from './features/auth/api.ts';
import { ChangePasswordPage } from './features/auth/components/change-password-page.tsx';
import { LoginPage } from './features/auth/components/login-page.tsx';
import { parseCalendarSearch } from './features/calendar/api.ts';
import { CalendarPage } from './features/calendar/components/calendar-page.tsx';
import {
  committeeQueryOptions,
  parseCommitteeSearch,
  parseCommitteesSearch,
} from './features/committees/api.ts';
import { CommitteePage } from './features/committees/components/committee-page.tsx';
import { CommitteesPage } from './features/committees/components/committees-page.tsx';
import { DashboardPage } from './features/dashboard/components/dashboard-page.tsx';
import { documentQueryOptions, parseDocumentsSearch } from './features/documents/api.ts';
import { DocumentPage } from './features/documents/components/document-page.tsx';
import { DocumentsPage } from './features/documents/components/documents-page.tsx';
import { parQueryOptions } from './features/indicators/api.ts';
import { ParPage } from './features/indicators/components/par-page.tsx';
import {
  meetingQueryOptions,
  parseLateNoticeSearch,
  parseMeetingSearch,
  parseMeetingsSearch,
  parseRsvpSearch,
} from './features/meetings/api.ts';
import { LateNoticePage } from './features/meetings/components/late-notice-page.tsx';
import { MeetingPage } from './features/meetings/components/meeting-page.tsx';
import { MeetingsPage } from './features/meetings/components/meetings-page.tsx';
import { RsvpPage } from './features/meetings/components/rsvp-page.tsx';
import { planQueryOptions } from './features/plans/api.ts';
import { PlanPage } from './features/plans/components/plan-page.tsx';
import { reportQueryOptions, rollupQueryOptions } from './features/reports/api.ts';
import { ReportPage } from './features/reports/components/report-page.tsx';
import { ReportsPage } from './features/reports/components/reports-page.tsx';
import { RollupPage } from './features/reports/components/rollup-page.tsx';
import { AppLayout } from './features/shell/components/app-layout.tsx';
import { taskQueryOptions } from './features/tasks/api.ts';
import { TaskPage } from './features/tasks/components/task-page.tsx';
import { TasksPage } from './features/tasks/components/tasks-page.tsx';
import { parseTasksSearch } from './features/tasks/tasks.ts';
import { unitChildrenQueryOptions } from './features/units/api.ts';
import { UnitsPage } from './features/units/components/units-page.tsx';
import { parseUsersSearch } from './features/users/api.ts';
import { UsersPage } from './features/users/components/users-page.tsx';
import { parseRedirectSearch } from './lib/redirect.ts';

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
  component: function ChangePasswordRoute() {
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
  },
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
  component: function DashboardRoute() {
    const session = useSession();
    return session ? <DashboardPage user={session.user} /> : null;
  },
});

/** Ban Chỉ đạo: the committees I may see, as a tree; `?q=` searches, `?mine=true` keeps mine. */
const committeesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ban-chi-dao',
  validateSearch: parseCommitteesSearch,
  component: function CommitteesRoute() {
    const search = committeesRoute.useSearch();
    const navigate = committeesRoute.useNavigate();
    return (
      <CommitteesPage
        search={search}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});

/** One committee; `?tab=` keeps the open tab (notifications link to `?tab=thanh-vien`). */
const committeeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ban-chi-dao/$committeeId',
  validateSearch: parseCommitteeSearch,
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(committeeQueryOptions(params.committeeId)),
  component: function CommitteeRoute() {
    const { committeeId } = committeeRoute.useParams();
    const { tab } = committeeRoute.useSearch();
    const navigate = committeeRoute.useNavigate();
    const { data: committee } = useSuspenseQuery(committeeQueryOptions(committeeId));
    return (
      <CommitteePage
        committee={committee}
        tab={tab ?? 'thanh-vien'}
        onTabChange={(next) => void navigate({ search: { tab: next }, replace: true })}
      />
    );
  },
});

/** Cuộc họp: a committee's meetings (`?ban=`, `?status=`, `?nam=`), upcoming first. */
const meetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cuoc-hop',
  validateSearch: parseMeetingsSearch,
  component: function MeetingsRoute() {
    const search = meetingsRoute.useSearch();
    const navigate = meetingsRoute.useNavigate();
    return (
      <MeetingsPage
        search={search}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});

/** One meeting; `?tab=` keeps the open tab (notifications link to the meeting itself). */
const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cuoc-hop/$meetingId',
  validateSearch: parseMeetingSearch,
  loader: ({ context, params }) => context.queryClient.ensureQueryData(meetingQueryOptions(params.meetingId)),
  component: function MeetingRoute() {
    const { meetingId } = meetingRoute.useParams();
    const { tab } = meetingRoute.useSearch();
    const navigate = meetingRoute.useNavigate();
    const { data: meeting } = useSuspenseQuery(meetingQueryOptions(meetingId));
    return (
      <MeetingPage
        meeting={meeting}
        tab={tab ?? 'thong-tin'}
        onTabChange={(next) => void navigate({ search: { tab: next }, replace: true })}
      />
    );
  },
});

/** The invitation e-mail's personal link: public, the signed token is the credential (R10). */
const rsvpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/xac-nhan',
  validateSearch: parseRsvpSearch,
  component: function RsvpRoute() {
    const { token } = rsvpRoute.useSearch();
    return <RsvpPage token={token} />;
  },
});

/** The chair's one-click link to a late-notice request (R9): public, the signed token is the credential. */
const lateNoticeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/duyet-gui-muon',
  validateSearch: parseLateNoticeSearch,
  component: function LateNoticeRoute() {
    const { token } = lateNoticeRoute.useSearch();
    return <LateNoticePage token={token} />;
  },
});

/** Văn bản: the committee's register (`?ban=`, `?loai=`, `?chieu=`, `?so=`, `?tu=`, `?den=`, `?noiBanHanh=`, `?q=`). */
const documentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/van-ban',
  validateSearch: parseDocumentsSearch,
  component: function DocumentsRoute() {
    const search = documentsRoute.useSearch();
    const navigate = documentsRoute.useNavigate();
    return (
      <DocumentsPage
        search={search}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});

/** One document (notifications of a distributed document link here). */
const documentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/van-ban/$documentId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(documentQueryOptions(params.documentId)),
  component: function DocumentRoute() {
    const { documentId } = documentRoute.useParams();
    const { data: document } = useSuspenseQuery(documentQueryOptions(documentId));
    return <DocumentPage document={document} />;
  },
});

/** Nhiệm vụ: my tasks (`?role=`), or a committee's list (`?ban=`), with the filters in the URL. */
const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nhiem-vu',
  validateSearch: parseTasksSearch,
  component: function TasksRoute() {
    const search = tasksRoute.useSearch();
    const navigate = tasksRoute.useNavigate();
    return (
      <TasksPage search={search} onSearchChange={(next) => void navigate({ search: next, replace: true })} />
    );
  },
});

/** One task (notifications of assignments, reports and decisions link here). */
const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nhiem-vu/$taskId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(taskQueryOptions(params.taskId)),
  component: function TaskRoute() {
    const { taskId } = taskRoute.useParams();
    const { data: task } = useSuspenseQuery(taskQueryOptions(taskId));
    return <TaskPage task={task} />;
  },
});

/** One annual work plan (R5): listed on its committee's "Kế hoạch công tác" tab. */
const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ke-hoach/$planId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(planQueryOptions(params.planId)),
  component: function PlanRoute() {
    const { planId } = planRoute.useParams();
    const { data: plan } = useSuspenseQuery(planQueryOptions(planId));
    return <PlanPage plan={plan} />;
  },
});

/** Báo cáo (R16): what my committee owes and the regimes it issued; `?ban=` picks one of my committees. */
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bao-cao',
  validateSearch: (search: Record<string, unknown>): { ban?: string } => ({
    ban: typeof search.ban === 'string' ? search.ban : undefined,
  }),
  component: function ReportsRoute() {
    const search = reportsRoute.useSearch();
    const navigate = reportsRoute.useNavigate();
    return (
      <ReportsPage
        committeeId={search.ban}
        onCommitteeChange={(ban) => void navigate({ search: { ban }, replace: true })}
      />
    );
  },
});

/** One report (its reporter and its recipient open it). */
const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bao-cao/$reportId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(reportQueryOptions(params.reportId)),
  component: function ReportRoute() {
    const { reportId } = reportRoute.useParams();
    const { data } = useSuspenseQuery(reportQueryOptions(reportId));
    return <ReportPage key={`${data.id}:${data.version}:${data.status}`} report={data} />;
  },
});

/** The rollup grid of one period (the recipient's). */
const rollupRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bao-cao/ky/$periodId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(rollupQueryOptions(params.periodId)),
  component: function RollupRoute() {
    const { periodId } = rollupRoute.useParams();
    const { data } = useSuspenseQuery(rollupQueryOptions(periodId));
    return <RollupPage rollup={data} />;
  },
});
/** One PAR INDEX self-assessment: listed on its committee's (and the committee above's) "Chỉ số" tab. */
const parRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/chi-so-cai-cach/$parId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(parQueryOptions(params.parId)),
  component: function ParRoute() {
    const { parId } = parRoute.useParams();
    const { data: par } = useSuspenseQuery(parQueryOptions(parId));
    return <ParPage key={`${par.id}-${par.status}`} par={par} />;
  },
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
  component: function UsersRoute() {
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
  },
});

const unitsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/don-vi',
  loader: ({ context }) => context.queryClient.ensureQueryData(unitChildrenQueryOptions(null)),
  component: function UnitsRoute() {
    const { data: topUnits } = useSuspenseQuery(unitChildrenQueryOptions(null));
    const { session } = unitsRoute.useRouteContext();
    return <UnitsPage topUnits={topUnits} canManage={session.user.systemRole === 'systemAdmin'} />;
  },
});

/** Lịch làm việc: the working calendar of a year (`?nam=`); system administrators adjust it. */
const calendarRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/lich-lam-viec',
  validateSearch: parseCalendarSearch,
  component: function CalendarRoute() {
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
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  changePasswordRoute,
  rsvpRoute,
  lateNoticeRoute,
  appRoute.addChildren([
    dashboardRoute,
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
    adminRoute.addChildren([adminIndexRoute, usersRoute, unitsRoute, calendarRoute]),
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
