import type { ComponentType } from 'react';
import { Navigate } from 'react-router-dom';
import { useSession } from '../auth/session';

/** A member's home is their own record; staff land on the dashboard. */
export function HomeRedirect({ dashboard: Dashboard }: { dashboard: ComponentType }) {
  const session = useSession();
  if (session.user.role === 'member') return <Navigate to="/ho-so-cua-toi" replace />;
  return <Dashboard />;
}
