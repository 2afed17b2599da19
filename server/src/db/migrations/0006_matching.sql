CREATE TYPE "public"."intake_author" AS ENUM('bot', 'person');--> statement-breakpoint
CREATE TYPE "public"."intake_format" AS ENUM('online', 'in_person', 'hybrid', 'any');--> statement-breakpoint
CREATE TYPE "public"."intake_status" AS ENUM('active', 'finished', 'handed_off', 'human_requested');--> statement-breakpoint
CREATE TYPE "public"."on_demand_role" AS ENUM('member', 'host');--> statement-breakpoint
CREATE TYPE "public"."on_demand_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."support_request_status" AS ENUM('waiting', 'accepted', 'routed_to_oncall', 'withdrawn');--> statement-breakpoint
ALTER TYPE "public"."room_kind" ADD VALUE 'on_demand';--> statement-breakpoint
CREATE TABLE "intake_conversations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"step" text NOT NULL,
	"status" "intake_status" DEFAULT 'active' NOT NULL,
	"state_ciphertext" text NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"handed_off_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"author" "intake_author" NOT NULL,
	"body_ciphertext" text NOT NULL,
	"level" "risk_level",
	"generated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"details_ciphertext" text NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"timezone" text,
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"format" "intake_format" DEFAULT 'any' NOT NULL,
	"place_label" text,
	"place_lat" double precision,
	"place_lng" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "on_demand_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"on_demand_room_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "on_demand_role" DEFAULT 'member' NOT NULL,
	"level" "risk_level" DEFAULT 'none' NOT NULL,
	"left_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "on_demand_rooms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"language" text NOT NULL,
	"host_id" uuid,
	"status" "on_demand_status" DEFAULT 'open' NOT NULL,
	"capacity" smallint DEFAULT 6 NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"details_ciphertext" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"status" "support_request_status" DEFAULT 'waiting' NOT NULL,
	"level" "risk_level" DEFAULT 'none' NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"accepted_by" uuid,
	"conversation_id" uuid,
	"resolved_at" timestamp with time zone,
	"rating" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supporter_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"lived_experience" text[] DEFAULT '{}'::text[] NOT NULL,
	"gender" text,
	"age_range" text,
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accepting_requests" boolean DEFAULT true NOT NULL,
	"max_caseload" smallint DEFAULT 4 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intake_conversations" ADD CONSTRAINT "intake_conversations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_conversations" ADD CONSTRAINT "intake_conversations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_messages" ADD CONSTRAINT "intake_messages_conversation_id_intake_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."intake_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_profiles" ADD CONSTRAINT "intake_profiles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_profiles" ADD CONSTRAINT "intake_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_demand_members" ADD CONSTRAINT "on_demand_members_on_demand_room_id_on_demand_rooms_id_fk" FOREIGN KEY ("on_demand_room_id") REFERENCES "public"."on_demand_rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_demand_members" ADD CONSTRAINT "on_demand_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_demand_rooms" ADD CONSTRAINT "on_demand_rooms_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_demand_rooms" ADD CONSTRAINT "on_demand_rooms_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_demand_rooms" ADD CONSTRAINT "on_demand_rooms_host_id_users_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_conversation_id_direct_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."direct_conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporter_profiles" ADD CONSTRAINT "supporter_profiles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supporter_profiles" ADD CONSTRAINT "supporter_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_conversations_user_idx" ON "intake_conversations" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_messages_conversation_seq_key" ON "intake_messages" USING btree ("conversation_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_profiles_user_key" ON "intake_profiles" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "on_demand_members_room_user_key" ON "on_demand_members" USING btree ("on_demand_room_id","user_id");--> statement-breakpoint
CREATE INDEX "on_demand_members_user_idx" ON "on_demand_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "on_demand_rooms_room_key" ON "on_demand_rooms" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "on_demand_rooms_org_status_idx" ON "on_demand_rooms" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "support_requests_org_status_idx" ON "support_requests" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "support_requests_member_idx" ON "support_requests" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "supporter_profiles_user_key" ON "supporter_profiles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "supporter_profiles_org_idx" ON "supporter_profiles" USING btree ("org_id");