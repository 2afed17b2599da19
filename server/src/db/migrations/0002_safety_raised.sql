ALTER TYPE "public"."case_kind" ADD VALUE 'raised';--> statement-breakpoint
ALTER TYPE "public"."risk_source_kind" ADD VALUE 'worry_report';--> statement-breakpoint
ALTER TYPE "public"."risk_source_kind" ADD VALUE 'phq9_item9';--> statement-breakpoint
ALTER TYPE "public"."risk_source_kind" ADD VALUE 'decline';--> statement-breakpoint
ALTER TYPE "public"."risk_source_kind" ADD VALUE 'other';