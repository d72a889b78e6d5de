CREATE TABLE "calendar_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_overrides_date_unique" UNIQUE("date"),
	CONSTRAINT "calendar_overrides_kind_check" CHECK ("calendar_overrides"."kind" in ('holiday','dayOff','swappedWorkday','workday'))
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"key" text PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;