ALTER TABLE "cohort_programs" ADD COLUMN "starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cohort_programs" ADD COLUMN "applications_close_at" timestamp with time zone;