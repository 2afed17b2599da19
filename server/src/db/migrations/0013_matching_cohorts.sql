CREATE TYPE "public"."cohort_program_status" AS ENUM('open', 'assigned');--> statement-breakpoint
CREATE TABLE "cohort_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"group_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cohort_program_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"capacity" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cohort_programs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "cohort_program_status" DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"assigned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cohort_applications" ADD CONSTRAINT "cohort_applications_program_id_cohort_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."cohort_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_applications" ADD CONSTRAINT "cohort_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_program_groups" ADD CONSTRAINT "cohort_program_groups_program_id_cohort_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."cohort_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_programs" ADD CONSTRAINT "cohort_programs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_programs" ADD CONSTRAINT "cohort_programs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_applications_key" ON "cohort_applications" USING btree ("program_id","user_id");--> statement-breakpoint
CREATE INDEX "cohort_applications_user_idx" ON "cohort_applications" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_program_groups_key" ON "cohort_program_groups" USING btree ("program_id","group_id");--> statement-breakpoint
CREATE INDEX "cohort_programs_org_idx" ON "cohort_programs" USING btree ("org_id","created_at");