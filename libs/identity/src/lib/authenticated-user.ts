import { Role } from '@siban/db';

/** The signed-in member of staff, as every guard and service sees them. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  officeId: string;
  officeCode: string;
  roles: Role[];
  leaderId: string | null;
  /** The token version the session was signed at: a later one means the session has ended. */
  tokenVersion: number;
}

/** A member of staff as access rules see them: who they are, where they work, what they do. */
export type StaffMember = Pick<AuthenticatedUser, 'id' | 'roles' | 'officeCode' | 'leaderId'>;

/** A user as another capability names them: who, where, and whether still active. */
export type StaffDirectoryEntry = Pick<AuthenticatedUser, 'id' | 'displayName' | 'officeCode' | 'roles' | 'leaderId'> & { active: boolean };
