import { Role } from '@siban/db';

/**
 * Usernames (half of a sign-in) are shown to admins, who manage accounts, and within an office,
 * whose staff know each other anyway; everyone else sees people by display name only.
 */
export function mayReadUsername(viewer: { officeId: string; roles: Role[] } | undefined, user: { officeId: string }): boolean {
  if (!viewer) return false;
  return viewer.roles.includes(Role.ADMIN) || viewer.officeId === user.officeId;
}
