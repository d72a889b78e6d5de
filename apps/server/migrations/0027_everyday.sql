-- Everyday use (issue 19): the header's search (accent-folded titles of meetings and tasks, trigram GIN for
-- LIKE '%word%') and each person's subscribable meeting calendar (the token kept as a SHA-256 hash).
CREATE TABLE "meeting_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_feeds_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "meeting_feeds" ADD CONSTRAINT "meeting_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_title_search_idx" ON "meetings" USING gin (steerco_fold("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tasks_title_search_idx" ON "tasks" USING gin (steerco_fold("title") gin_trgm_ops);