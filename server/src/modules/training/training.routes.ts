import fs from 'node:fs';
import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { TrainingErrors } from './training.errors.ts';
import { MAX_MEDIA_BYTES, parseRange } from './media.ts';
import type { TrainingService } from './training.service.ts';
import {
  Certificate, ClaimBody, CodeParams, CourseDetail, CourseList, CreateCourseBody, CreateLessonBody, GrantBody, IdParams, Lesson, MediaUploaded, MyCertificates,
  LessonSource, Preview, PreviewBody, ProgressBody, QuizBody, QuizResult, ReorderBody, RevokeBody, RoleplayBody, RoleplayResult, Settings, SettingsBody, UpdateCourseBody, UpdateLessonBody,
  Verification,
} from './training.schemas.ts';

const tags = ['training'];
const certTags = ['certificates'];
const Empty = z.object({}).optional();
const DownloadQuery = z.object({ download: z.enum(['1']).optional() });

/** HTTP routes for courses, lessons, media, quizzes, role-play, certificates and the public verification page. */
export function trainingRoutes(service: TrainingService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_MEDIA_BYTES, files: 1, fields: 5 } });

    app.get('/api/training/courses', { schema: { tags, summary: 'Courses of my organization with my progress', response: { 200: CourseList } } }, async (request) =>
      service.listCourses(requireActor(request)),
    );
    app.post('/api/training/courses', { schema: { tags, summary: 'Start a draft course (authors)', body: CreateCourseBody, response: { 201: CourseDetail } } }, async (request, reply) =>
      reply.status(201).send(await service.createCourse(requireActor(request), request.body)),
    );
    app.get('/api/training/courses/:id', { schema: { tags, summary: 'A course, its lessons and my progress', params: IdParams, response: { 200: CourseDetail } } }, async (request) =>
      service.getCourse(requireActor(request), request.params.id),
    );
    app.patch('/api/training/courses/:id', { schema: { tags, summary: 'Change or publish a course (authors)', params: IdParams, body: UpdateCourseBody, response: { 200: CourseDetail } } }, async (request) =>
      service.updateCourse(requireActor(request), request.params.id, request.body),
    );
    app.post('/api/training/courses/:id/lessons', { schema: { tags, summary: 'Add a lesson (authors)', params: IdParams, body: CreateLessonBody, response: { 201: CourseDetail } } }, async (request, reply) =>
      reply.status(201).send(await service.addLesson(requireActor(request), request.params.id, request.body)),
    );
    app.put('/api/training/courses/:id/lesson-order', { schema: { tags, summary: 'Put the lessons in a new order (authors)', params: IdParams, body: ReorderBody, response: { 200: CourseDetail } } }, async (request) =>
      service.reorderLessons(requireActor(request), request.params.id, request.body.lessonIds),
    );
    app.get('/api/training/lessons/:id/source', { schema: { tags, summary: 'A lesson as written, answers included (authors)', params: IdParams, response: { 200: LessonSource } } }, async (request) =>
      service.getLessonSource(requireActor(request), request.params.id),
    );
    app.patch('/api/training/lessons/:id', { schema: { tags, summary: 'Change a lesson (authors)', params: IdParams, body: UpdateLessonBody, response: { 200: LessonSource } } }, async (request) =>
      service.updateLesson(requireActor(request), request.params.id, request.body),
    );
    app.delete('/api/training/lessons/:id', { schema: { tags, summary: 'Delete a lesson (authors)', params: IdParams, response: { 200: CourseDetail } } }, async (request) =>
      service.deleteLesson(requireActor(request), request.params.id),
    );
    app.post('/api/training/preview', { schema: { tags, summary: 'Preview lesson markdown as trainees will see it (authors)', body: PreviewBody, response: { 200: Preview } } }, async (request) =>
      service.previewMarkdown(requireActor(request), request.body.markdown),
    );
    app.get('/api/training/lessons/:id', { schema: { tags, summary: 'A lesson with my progress', params: IdParams, response: { 200: Lesson } } }, async (request) =>
      service.getLesson(requireActor(request), request.params.id),
    );
    app.put('/api/training/lessons/:id/progress', { schema: { tags, summary: 'Save my place (media position) or mark a reading or media lesson done', params: IdParams, body: ProgressBody, response: { 200: Lesson } } }, async (request) =>
      service.saveProgress(requireActor(request), request.params.id, request.body),
    );
    app.post('/api/training/lessons/:id/quiz', { schema: { tags, summary: 'Check my quiz answers', params: IdParams, body: QuizBody, response: { 200: QuizResult } } }, async (request) =>
      service.submitQuiz(requireActor(request), request.params.id, request.body),
    );
    app.post('/api/training/lessons/:id/roleplay', { schema: { tags, summary: 'Send a role-play reply and get feedback on it', params: IdParams, body: RoleplayBody, response: { 200: RoleplayResult } } }, async (request) =>
      service.replyRoleplay(requireActor(request), request.params.id, request.body),
    );
    app.post('/api/training/lessons/:id/roleplay/restart', { schema: { tags, summary: 'Start the practice conversation again', params: IdParams, body: Empty, response: { 200: Lesson } } }, async (request) =>
      service.restartRoleplay(requireActor(request), request.params.id),
    );

    app.post('/api/training/media', { schema: { tags, summary: 'Upload a video, audio or resource file (authors; multipart field "file")', response: { 201: MediaUploaded } } }, async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) throw TrainingErrors.noFile();
      const file = await request.file();
      return reply.status(201).send(await service.uploadMedia(actor, file ? { filename: file.filename, mimetype: file.mimetype, file: file.file } : undefined));
    });

    // Streams a file with HTTP range support, so players can seek and resume without downloading everything.
    app.get('/api/training/media/:id', { schema: { tags, summary: 'An uploaded file (supports Range requests)', params: IdParams, querystring: DownloadQuery } }, async (request, reply) => {
      const { media, filePath, size } = await service.openMedia(requireActor(request), request.params.id);
      reply.header('accept-ranges', 'bytes').header('content-type', media.mimeType).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff');
      if (request.query.download) reply.header('content-disposition', `attachment; filename="${media.filename.replace(/"/g, '')}"`);
      const range = parseRange(request.headers.range, size);
      if (range === 'invalid') {
        reply.header('content-range', `bytes */${size}`);
        throw TrainingErrors.badRange();
      }
      if (range) {
        reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', range.end - range.start + 1);
        return reply.send(fs.createReadStream(filePath, range));
      }
      reply.header('content-length', size);
      return reply.send(fs.createReadStream(filePath));
    });

    app.get('/api/training/settings', { schema: { tags, summary: 'Certification rules of my organization (admins)', response: { 200: Settings } } }, async (request) =>
      service.getSettings(requireActor(request)),
    );
    app.put('/api/training/settings', { schema: { tags, summary: 'Change certification rules (admins)', body: SettingsBody, response: { 200: Settings } } }, async (request) =>
      service.updateSettings(requireActor(request), request.body),
    );

    app.get('/api/certificates/mine', { schema: { tags: certTags, summary: 'My certificates and what each still needs', response: { 200: MyCertificates } } }, async (request) =>
      service.listMine(requireActor(request)),
    );
    app.get('/api/certificates', { schema: { tags: certTags, summary: 'Certificates in my organization (admins)', response: { 200: z.object({ certificates: z.array(Certificate) }) } } }, async (request) =>
      service.listOrgCertificates(requireActor(request)),
    );
    app.post('/api/certificates/claim', { schema: { tags: certTags, summary: 'Receive a certificate whose requirements I have met', body: ClaimBody, response: { 201: Certificate } } }, async (request, reply) =>
      reply.status(201).send(await service.claimCertificate(requireActor(request), request.body)),
    );
    app.post('/api/certificates/grant', { schema: { tags: certTags, summary: 'Record recognised prior training as a certificate (admins)', body: GrantBody, response: { 201: Certificate } } }, async (request, reply) =>
      reply.status(201).send(await service.grantCertificate(requireActor(request), request.body)),
    );
    app.post('/api/certificates/:id/revoke', { schema: { tags: certTags, summary: 'Revoke a certificate, recording why (admins)', params: IdParams, body: RevokeBody, response: { 200: Certificate } } }, async (request) =>
      service.revokeCertificate(requireActor(request), request.params.id, request.body.reason),
    );
    app.post('/api/certificates/:id/renew', { schema: { tags: certTags, summary: 'Renew my certificate with continuing-education hours', params: IdParams, body: Empty, response: { 200: Certificate } } }, async (request) =>
      service.renewCertificate(requireActor(request), request.params.id),
    );
    app.get('/api/certificates/:id/pdf', { schema: { tags: certTags, summary: 'The printable PDF (holder and admins)', params: IdParams } }, async (request, reply) => {
      const { filename, pdf } = await service.renderPdf(requireActor(request), request.params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(pdf);
    });

    // Public: no sign-in. Shows only status, certificate kind, organization and the name the holder chose.
    app.get('/api/verify/:code', { schema: { tags: certTags, summary: 'Verify a certificate by its code (public)', params: CodeParams, response: { 200: Verification } } }, async (request) =>
      service.verifyCertificate(request.params.code),
    );
  };
}
