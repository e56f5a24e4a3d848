import { useCurrentOrg } from '../../components/current-org';
import { useSession } from '../auth/session';

/** The organisation the plan pages write for: the one chosen in the header, else the user's own. */
export function usePlanOrg(): { id: number; name: string } | null {
  const { org } = useCurrentOrg();
  const session = useSession();
  if (org) return { id: org.id, name: org.name };
  if (session.user.orgId) return { id: session.user.orgId, name: session.user.orgName ?? '' };
  return null;
}
