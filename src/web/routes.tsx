import { lazy, Suspense } from 'react';
import type { ComponentType } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import type { PermissionAction } from '../shared/permissions';
import { ActionGate, isOfficial, RoleGate, SessionGate, UnauthenticatedRedirect } from './features/auth/session';
import { AppLayout } from './features/shell/app-layout';
import { HomeRedirect } from './features/shell/home-redirect';
import { NotFoundPage, RouteErrorPage } from './features/shell/route-error';
import { FullPageLoader, PageLoader } from './components/page-state';

/** Route-level code splitting: each page is its own chunk, loaded when first visited. */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(async () => ({ default: pick(await load()) }));
}

const SignInPage = lazyPage(
  () => import('./features/auth/sign-in-page'),
  (m) => m.SignInPage,
);
const ChangePasswordPage = lazyPage(
  () => import('./features/auth/change-password-page'),
  (m) => m.ChangePasswordPage,
);
const TargetsPage = lazyPage(
  () => import('./features/targets/targets-page'),
  (m) => m.TargetsPage,
);
const ProposalsPage = lazyPage(
  () => import('./features/targets/proposals-page'),
  (m) => m.ProposalsPage,
);
const ReportsPage = lazyPage(
  () => import('./features/reports/reports-page'),
  (m) => m.ReportsPage,
); // reports
const ReportEditorPage = lazyPage(
  () => import('./features/reports/report-editor-page'),
  (m) => m.ReportEditorPage,
); // reports
const DashboardPage = lazyPage(
  () => import('./features/dashboard/dashboard-page'),
  (m) => m.DashboardPage,
);
const MetricRecordsPage = lazyPage(
  () => import('./features/dashboard/metric-records-page'),
  (m) => m.MetricRecordsPage,
);
const OrgsPage = lazyPage(
  () => import('./features/orgs/orgs-page'),
  (m) => m.OrgsPage,
);
const OrgPage = lazyPage(
  () => import('./features/orgs/org-page'),
  (m) => m.OrgPage,
);
const MembersPage = lazyPage(
  () => import('./features/members/members-page'),
  (m) => m.MembersPage,
);
const MemberPage = lazyPage(
  () => import('./features/members/member-page'),
  (m) => m.MemberPage,
);
const MemberCreatePage = lazyPage(
  () => import('./features/members/member-create-page'),
  (m) => m.MemberCreatePage,
);
const MemberEditPage = lazyPage(
  () => import('./features/members/member-edit-page'),
  (m) => m.MemberEditPage,
);
const AdmissionsRoutes = lazyPage(
  () => import('./features/admissions/candidates-page'),
  (m) => m.AdmissionsRoutes,
);
const TransfersRoutes = lazyPage(
  () => import('./features/transfers/transfers-page'),
  (m) => m.TransfersRoutes,
);
// study
const StudyRoutes = lazyPage(
  () => import('./features/study/documents-page'),
  (m) => m.StudyRoutes,
);
const UsersPage = lazyPage(
  () => import('./features/admin/users-page'),
  (m) => m.UsersPage,
);
const RulesPage = lazyPage(
  () => import('./features/admin/rules-page'),
  (m) => m.RulesPage,
);
const HolidaysPage = lazyPage(
  () => import('./features/admin/holidays-page'),
  (m) => m.HolidaysPage,
);
const AuditPage = lazyPage(
  () => import('./features/admin/audit-page'),
  (m) => m.AuditPage,
);
const ImportsPage = lazyPage(
  () => import('./features/imports/imports-page'),
  (m) => m.ImportsPage,
);
// inspection
const InspectionRoutes = lazyPage(
  () => import('./features/inspection/inspection-routes'),
  (m) => m.InspectionRoutes,
);
const MeetingsRoutes = lazyPage(
  () => import('./features/meetings/meetings-routes'), // meetings
  (m) => m.MeetingsRoutes,
);
const DisciplineRoutes = lazyPage(
  () => import('./features/discipline/discipline-routes'),
  (m) => m.DisciplineRoutes,
);
const MyRecordPage = lazyPage(
  () => import('./features/self/my-record-page'),
  (m) => m.MyRecordPage,
);
// dues
const DuesPage = lazyPage(
  () => import('./features/dues/dues-page'),
  (m) => m.DuesPage,
);
const BadgesPage = lazyPage(
  () => import('./features/dues/badges-page'),
  (m) => m.BadgesPage,
);
// ratings
const RatingsRoutes = lazyPage(
  () => import('./features/ratings/ratings-routes'),
  (m) => m.RatingsRoutes,
);
// portal
const PortalRoutes = lazyPage(
  () => import('./features/portal/portal-routes'),
  (m) => m.PortalRoutes,
);
const MyRatingsPage = lazyPage(
  () => import('./features/ratings/my-ratings-page'),
  (m) => m.MyRatingsPage,
);

/** The records of a scope are read by every official and the admin; a member has only their own record's page. */
function staffOnly(Page: ComponentType) {
  return (
    <RoleGate allows={isOfficial}>
      <Page />
    </RoleGate>
  );
}

/** A page for one kind of work: shared/permissions.ts decides, as on the server. */
function gated(action: PermissionAction, Page: ComponentType) {
  return (
    <ActionGate action={action}>
      <Page />
    </ActionGate>
  );
}

function Root() {
  return (
    <>
      <UnauthenticatedRedirect />
      <Outlet />
    </>
  );
}

function Standalone({ Page }: { Page: ComponentType }) {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Page />
    </Suspense>
  );
}

function SignedInArea() {
  return (
    <SessionGate>
      <AppLayout>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppLayout>
    </SessionGate>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/dang-nhap', element: <Standalone Page={SignInPage} /> },
      {
        path: '/doi-mat-khau',
        element: (
          <SessionGate allowPasswordChange>
            <Standalone Page={ChangePasswordPage} />
          </SessionGate>
        ),
      },
      {
        path: '/',
        element: <SignedInArea />,
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomeRedirect dashboard={DashboardPage} /> },
          { path: 'so-lieu/:name', element: staffOnly(MetricRecordsPage) },
          { path: 'to-chuc', element: staffOnly(OrgsPage) },
          { path: 'to-chuc/:id', element: staffOnly(OrgPage) },
          { path: 'dang-vien', element: staffOnly(MembersPage) },
          { path: 'dang-vien/moi', element: gated('members.write', MemberCreatePage) },
          { path: 'dang-vien/:id', element: staffOnly(MemberPage) },
          { path: 'dang-vien/:id/sua', element: gated('members.write', MemberEditPage) },
          { path: 'ket-nap/*', element: staffOnly(AdmissionsRoutes) },
          { path: 'chuyen-sinh-hoat/*', element: staffOnly(TransfersRoutes) },
          { path: 'nhap-du-lieu', element: gated('imports.run', ImportsPage) },
          { path: 'quan-tri/nguoi-dung', element: gated('users.manage', UsersPage) },
          { path: 'quan-tri/quy-dinh', element: gated('rules.write', RulesPage) },
          { path: 'quan-tri/ngay-nghi', element: gated('holidays.write', HolidaysPage) },
          { path: 'quan-tri/nhat-ky', element: gated('audit.read', AuditPage) },
          { path: 'ho-so-cua-toi', element: <MyRecordPage /> },
          { path: 'chi-tieu', element: staffOnly(TargetsPage) }, // targets
          { path: 'kien-nghi', element: staffOnly(ProposalsPage) }, // targets
          { path: 'bao-cao', element: staffOnly(ReportsPage) }, // reports
          { path: 'bao-cao/:id', element: staffOnly(ReportEditorPage) }, // reports
          { path: 'dang-phi', element: staffOnly(DuesPage) }, // dues
          { path: 'huy-hieu', element: staffOnly(BadgesPage) }, // dues
          { path: 'kiem-tra/*', element: gated('inspection.read', InspectionRoutes) }, // inspection
          { path: 'sinh-hoat/*', element: staffOnly(MeetingsRoutes) }, // meetings
          { path: 'hoc-tap/*', element: staffOnly(StudyRoutes) }, // study
          { path: 'ky-luat/*', element: staffOnly(DisciplineRoutes) }, // discipline
          // ratings
          { path: 'danh-gia-xep-loai/*', element: staffOnly(RatingsRoutes) },
          { path: 'tu-danh-gia', element: <MyRatingsPage /> },
          { path: 'tin-bai/*', element: staffOnly(PortalRoutes) }, // portal
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
