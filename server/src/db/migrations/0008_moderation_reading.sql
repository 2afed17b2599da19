CREATE TYPE "public"."read_place_kind" AS ENUM('room', 'thread');--> statement-breakpoint
CREATE TABLE "moderation_read_marks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"place_kind" "read_place_kind" NOT NULL,
	"place_id" uuid NOT NULL,
	"read_up_to" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "moderation_read_marks" ADD CONSTRAINT "moderation_read_marks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_read_marks" ADD CONSTRAINT "moderation_read_marks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "moderation_read_marks_key" ON "moderation_read_marks" USING btree ("user_id","place_kind","place_id");