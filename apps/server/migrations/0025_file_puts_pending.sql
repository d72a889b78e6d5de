CREATE TABLE "file_puts_pending" (
	"storage_key" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "file_puts_pending_created_idx" ON "file_puts_pending" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "files_storage_key_idx" ON "files" USING btree ("storage_key");