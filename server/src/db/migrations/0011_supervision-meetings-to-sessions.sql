-- Custom SQL migration file, put your code below! --
-- Moves every existing supervision meeting onto a private session (time, status, participants), so reminders,
-- changes and personal calendars all come from the sessions module. Each session reuses its meeting's id.
INSERT INTO "private_sessions" ("id", "org_id", "organizer_id", "purpose", "title", "starts_at", "ends_at", "status", "created_at", "updated_at")
SELECT "id", "org_id", "supervisor_id", 'supervision', 'Supervision session', "starts_at",
       "starts_at" + make_interval(mins => "duration_minutes"),
       CASE WHEN "cancelled_at" IS NULL THEN 'scheduled'::"session_status" ELSE 'cancelled'::"session_status" END,
       "created_at", "updated_at"
FROM "supervision_meetings" WHERE "session_id" IS NULL;--> statement-breakpoint
UPDATE "supervision_meetings" SET "session_id" = "id" WHERE "session_id" IS NULL;--> statement-breakpoint
INSERT INTO "private_session_participants" ("id", "session_id", "user_id", "role")
SELECT gen_random_uuid(), "session_id", "supervisor_id", 'host'::"private_session_role" FROM "supervision_meetings"
UNION ALL
SELECT gen_random_uuid(), "session_id", "supporter_id", 'guest'::"private_session_role" FROM "supervision_meetings"
ON CONFLICT DO NOTHING;
