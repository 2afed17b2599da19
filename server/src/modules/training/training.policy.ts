import type { Actor } from '../../platform/http/actor.ts';

type Who = Pick<Actor, 'userId' | 'orgId' | 'role'>;

/** Admins, clinicians and certified trainers (a current trainer certificate, granted by an admin) write and publish courses. */
export function canAuthorCourses(actor: Who, holdsTrainerCertificate = false): boolean {
  return actor.role === 'admin' || actor.role === 'clinician' || holdsTrainerCertificate;
}

/** Everyone in the organization may learn; drafts are visible to authors only. */
export function canViewCourse(actor: Who, course: { orgId: string; publishedAt: Date | null }, isAuthor: boolean): boolean {
  return course.orgId === actor.orgId && (course.publishedAt !== null || isAuthor);
}

/** Admins grant (for recognised prior training) and revoke certificates, and change certification settings. */
export function canManageCertificates(actor: Who): boolean {
  return actor.role === 'admin';
}

/** The holder and their organization's admins may open a certificate's details and PDF. */
export function canViewCertificate(actor: Who, certificate: { orgId: string; userId: string | null }): boolean {
  return certificate.orgId === actor.orgId && (certificate.userId === actor.userId || canManageCertificates(actor));
}

/** Admins run the organization and may always lead groups; everyone else needs the facilitator certificate. */
export function isExemptFromGroupCertificate(role: string): boolean {
  return role === 'admin';
}
