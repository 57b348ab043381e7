import type { AuthenticatedUser } from '@siban/identity';

/** The notices a member of staff may list and cancel, as a filter on `Notice`. */
export type NoticeScope = { senderOfficeId?: string };

/**
 * A director sees the notices sent from their own office (by any of its directors), so a
 * colleague can cancel a notice for someone who is away; an admin sees every office's.
 */
export function noticeScope(actor: Pick<AuthenticatedUser, 'roles' | 'officeId'>): NoticeScope {
  return actor.roles.includes('ADMIN') ? {} : { senderOfficeId: actor.officeId };
}
