import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';

export const CERTIFICATE_TITLES = { peer_supporter: 'Peer supporter', group_facilitator: 'Group facilitator', trainer: 'Certified trainer' } as const;

export type CertificatePdfInput = {
  kind: keyof typeof CERTIFICATE_TITLES;
  holderName: string;
  organization: string;
  code: string;
  verifyUrl: string;
  issuedAt: Date;
  expiresAt: Date;
  status: 'valid' | 'expired' | 'revoked';
  timezone: string;
};

/** A printable one-page certificate (A4 landscape), made with pdfkit and its built-in Helvetica (no font files). */
export function renderCertificatePdf(input: CertificatePdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    compress: options.compress ?? true,
    info: { Title: `${CERTIFICATE_TITLES[input.kind]} certificate`, Author: input.organization, Creator: 'Hearth' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const date = (d: Date) => DateTime.fromJSDate(d).setZone(input.timezone).toFormat('d LLLL yyyy');
  const width = doc.page.width - 112;

  doc.lineWidth(3).strokeColor('#b4532a').rect(28, 28, doc.page.width - 56, doc.page.height - 56).stroke();
  doc.moveDown(1.5);
  doc.font('Helvetica').fontSize(14).fillColor('#444444').text(input.organization, { align: 'center', width });
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(34).fillColor('#222222').text(`${CERTIFICATE_TITLES[input.kind]} certificate`, { align: 'center', width });
  doc.moveDown(1);
  doc.font('Helvetica').fontSize(14).fillColor('#444444').text('This certifies that', { align: 'center', width });
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(26).fillColor('#222222').text(input.holderName, { align: 'center', width });
  doc.moveDown(0.5);
  const WHAT = {
    peer_supporter: 'completed the core peer support training and supervised practice required by this organization.',
    group_facilitator: 'holds the Peer supporter certificate and completed the group facilitation training required by this organization.',
    trainer: 'been recognised by this organization as a trainer who writes and teaches its peer support courses.',
  } as const;
  const what = WHAT[input.kind];
  doc.font('Helvetica').fontSize(14).fillColor('#444444').text(`has ${what}`, { align: 'center', width });
  doc.moveDown(1.5);
  doc.fontSize(12).text(`Issued ${date(input.issuedAt)}  ·  Valid until ${date(input.expiresAt)}`, { align: 'center', width });
  doc.moveDown(0.5);
  doc.text(`Verification code ${input.code}  ·  ${input.verifyUrl}`, { align: 'center', width });
  if (input.status !== 'valid') {
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(20).fillColor('#a12020').text(input.status === 'revoked' ? 'REVOKED: this certificate is no longer valid' : 'EXPIRED', { align: 'center', width });
  }
  doc.end();
  return done;
}
