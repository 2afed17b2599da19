CREATE TYPE "public"."private_session_role" AS ENUM('host', 'guest');--> statement-breakpoint
CREATE TABLE "private_session_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "private_session_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"organizer_id" uuid,
	"purpose" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "session_status" DEFAULT 'scheduled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_meetings" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "private_session_participants" ADD CONSTRAINT "private_session_participants_session_id_private_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."private_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_session_participants" ADD CONSTRAINT "private_session_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_sessions" ADD CONSTRAINT "private_sessions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_sessions" ADD CONSTRAINT "private_sessions_organizer_id_users_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "private_session_participants_key" ON "private_session_participants" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "private_session_participants_user_idx" ON "private_session_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "private_sessions_starts_idx" ON "private_sessions" USING btree ("starts_at");--> statement-breakpoint
ALTER TABLE "supervision_meetings" ADD CONSTRAINT "supervision_meetings_session_id_private_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."private_sessions"("id") ON DELETE cascade ON UPDATE no action;