import { createContext, useContext, useEffect } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { SessionInfo, UserRole } from '../../../shared/auth';
import { can } from '../../../shared/permissions';
import type { PermissionAction } from '../../../shared/permissions';
import { fetchSession, onUnauthenticated } from '../../api';
import { FullPageLoader } from '../../components/page-state';

export const sessionQueryKey = ['session'] as const;

const SessionContext = createContext<SessionInfo | null>(null);

/** Inside the signed-in part of the app: the session is always there. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionGate');
  return session;
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: ({ signal }) => fetchSession(signal), staleTime: 60_000, retry: 1 });
}

export function currentPath(location: { pathname: string; search: string }): string {
  return `${location.pathname}${location.search}`;
}

/** Where to go after signing in: only paths of this app, never another site. */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/dang-nhap')) return '/';
  return next;
}

export function signInPath(next: string): string {
  return next === '/' ? '/dang-nhap' : `/dang-nhap?next=${encodeURIComponent(next)}`;
}

/** When any request meets 401 the session is gone: forget it and go to sign-in, remembering the page. */
export function UnauthenticatedRedirect(): null {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    onUnauthenticated(() => {
      const here = currentPath(window.location);
      if (window.location.pathname.startsWith('/dang-nhap')) return;
      queryClient.setQueryData(sessionQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      navigate(signInPath(here), { replace: true });
    });
    return () => onUnauthenticated(null);
  }, [navigate, queryClient]);
  return null;
}

/** Renders its children only for a signed-in user who has already replaced the first password. */
export function SessionGate({ children, allowPasswordChange = false }: { children: ReactNode; allowPasswordChange?: boolean }) {
  const location = useLocation();
  const session = useSessionQuery();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) throw session.error;
  const info = session.data;
  if (info === null) return <Navigate to={signInPath(currentPath(location))} replace />;
  if (info.user.mustChangePassword && !allowPasswordChange) {
    return <Navigate to={`/doi-mat-khau?next=${encodeURIComponent(currentPath(location))}`} replace />;
  }
  return <SessionContext.Provider value={info}>{children}</SessionContext.Provider>;
}

/** Whether the user may do an action: the table the server checks (shared/permissions.ts), so no button leads to a 403. */
export function useCan(action: PermissionAction): boolean {
  return can(useSession().user.role, action);
}

/** Pages a role may not open send the user home instead of showing a half-empty page. */
export function RoleGate({ allows, children }: { allows: (role: UserRole) => boolean; children: ReactNode }) {
  const session = useSession();
  if (!allows(session.user.role)) return <Navigate to={homePath(session.user.role)} replace />;
  return <>{children}</>;
}

/** A page for those who may do an action (a form whose save the server would refuse otherwise). */
export function ActionGate({ action, children }: { action: PermissionAction; children: ReactNode }) {
  return <RoleGate allows={(role) => can(role, action)}>{children}</RoleGate>;
}

export function homePath(role: UserRole): string {
  return role === 'member' ? '/ho-so-cua-toi' : '/';
}

export function isOfficial(role: UserRole): boolean {
  return role !== 'member';
}
