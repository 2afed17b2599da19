DROP INDEX "supervision_meetings_supervisor_idx";--> statement-breakpoint
DROP INDEX "supervision_meetings_supporter_idx";--> statement-breakpoint
ALTER TABLE "supervision_meetings" ALTER COLUMN "session_id" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_meetings_session_key" ON "supervision_meetings" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "supervision_meetings_supervisor_idx" ON "supervision_meetings" USING btree ("supervisor_id");--> statement-breakpoint
CREATE INDEX "supervision_meetings_supporter_idx" ON "supervision_meetings" USING btree ("supporter_id");--> statement-breakpoint
ALTER TABLE "supervision_meetings" DROP COLUMN "starts_at";--> statement-breakpoint
ALTER TABLE "supervision_meetings" DROP COLUMN "duration_minutes";--> statement-breakpoint
ALTER TABLE "supervision_meetings" DROP COLUMN "cancelled_at";