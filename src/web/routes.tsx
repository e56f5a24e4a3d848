import { lazy, Suspense } from 'react';
import type { ComponentType } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { officialRoles, recordWriterRoles } from '../shared/auth';
import type { UserRole } from '../shared/auth';
import { RoleGate, SessionGate, UnauthenticatedRedirect } from './features/auth/session';
import { AppLayout } from './features/shell/app-layout';
import { HomeRedirect } from './features/shell/home-redirect';
import { NotFoundPage, RouteErrorPage } from './features/shell/route-error';
import { FullPageLoader, PageLoader } from './components/page-state';

/** Route-level code splitting: each page is its own chunk, loaded when first visited. */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(async () => ({ default: pick(await load()) }));
}

const SignInPage = lazyPage(() => import('./features/auth/sign-in-page'), (m) => m.SignInPage);
const ChangePasswordPage = lazyPage(() => import('./features/auth/change-password-page'), (m) => m.ChangePasswordPage);
const DashboardPage = lazyPage(() => import('./features/dashboard/dashboard-page'), (m) => m.DashboardPage);
const MetricRecordsPage = lazyPage(() => import('./features/dashboard/metric-records-page'), (m) => m.MetricRecordsPage);
const OrgsPage = lazyPage(() => import('./features/orgs/orgs-page'), (m) => m.OrgsPage);
const OrgPage = lazyPage(() => import('./features/orgs/org-page'), (m) => m.OrgPage);
const MembersPage = lazyPage(() => import('./features/members/members-page'), (m) => m.MembersPage);
const MemberPage = lazyPage(() => import('./features/members/member-page'), (m) => m.MemberPage);
const MemberCreatePage = lazyPage(() => import('./features/members/member-create-page'), (m) => m.MemberCreatePage);
const MemberEditPage = lazyPage(() => import('./features/members/member-edit-page'), (m) => m.MemberEditPage);
const AdmissionsRoutes = lazyPage(() => import('./features/admissions/candidates-page'), (m) => m.AdmissionsRoutes);
const TransfersRoutes = lazyPage(() => import('./features/transfers/transfers-page'), (m) => m.TransfersRoutes);
const UsersPage = lazyPage(() => import('./features/admin/users-page'), (m) => m.UsersPage);
const RulesPage = lazyPage(() => import('./features/admin/rules-page'), (m) => m.RulesPage);
const HolidaysPage = lazyPage(() => import('./features/admin/holidays-page'), (m) => m.HolidaysPage);
const AuditPage = lazyPage(() => import('./features/admin/audit-page'), (m) => m.AuditPage);
const ImportsPage = lazyPage(() => import('./features/imports/imports-page'), (m) => m.ImportsPage);
const MyRecordPage = lazyPage(() => import('./features/self/my-record-page'), (m) => m.MyRecordPage);

const staff: readonly UserRole[] = ['admin', ...officialRoles];
const adminOnly: readonly UserRole[] = ['admin'];
const recordWriters = recordWriterRoles;

function gated(roles: readonly UserRole[], Page: ComponentType) {
  return (
    <RoleGate roles={roles}>
      <Page />
    </RoleGate>
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
          { path: 'so-lieu/:name', element: gated(staff, MetricRecordsPage) },
          { path: 'to-chuc', element: gated(staff, OrgsPage) },
          { path: 'to-chuc/:id', element: gated(staff, OrgPage) },
          { path: 'dang-vien', element: gated(staff, MembersPage) },
          { path: 'dang-vien/moi', element: gated(recordWriters, MemberCreatePage) },
          { path: 'dang-vien/:id', element: gated(staff, MemberPage) },
          { path: 'dang-vien/:id/sua', element: gated(recordWriters, MemberEditPage) },
          { path: 'ket-nap/*', element: gated(staff, AdmissionsRoutes) },
          { path: 'chuyen-sinh-hoat/*', element: gated(staff, TransfersRoutes) },
          { path: 'nhap-du-lieu', element: gated(['admin', 'org_staff'], ImportsPage) },
          { path: 'quan-tri/nguoi-dung', element: gated(adminOnly, UsersPage) },
          { path: 'quan-tri/quy-dinh', element: gated(adminOnly, RulesPage) },
          { path: 'quan-tri/ngay-nghi', element: gated(adminOnly, HolidaysPage) },
          { path: 'quan-tri/nhat-ky', element: gated(adminOnly, AuditPage) },
          { path: 'ho-so-cua-toi', element: <MyRecordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
