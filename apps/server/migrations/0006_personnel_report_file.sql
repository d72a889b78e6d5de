ALTER TABLE "personnel_changes" ADD COLUMN "report_file_id" uuid;--> statement-breakpoint
-- Declared here rather than in the Drizzle schema: files.schema imports committees.schema, and a reference back would be circular.
ALTER TABLE "personnel_changes" ADD CONSTRAINT "personnel_changes_report_file_id_files_id_fk" FOREIGN KEY ("report_file_id") REFERENCES "public"."files"("id");
