CREATE TABLE "agenda_item_documents" (
	"agenda_item_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_item_documents_agenda_item_id_file_id_pk" PRIMARY KEY("agenda_item_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "auto_reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agenda_item_documents" ADD CONSTRAINT "agenda_item_documents_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_documents" ADD CONSTRAINT "agenda_item_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_documents" ADD CONSTRAINT "agenda_item_documents_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;