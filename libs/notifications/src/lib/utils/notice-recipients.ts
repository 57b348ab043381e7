import type { StaffMember } from '@siban/identity';

/** A notice goes to the active staff of the offices it names (`staff` holds only active staff). */
export function noticeRecipients(staff: readonly Pick<StaffMember, 'id' | 'officeCode'>[], officeCodes: readonly string[]): string[] {
  const offices = new Set(officeCodes);
  return staff.filter((member) => offices.has(member.officeCode)).map((member) => member.id);
}
