CREATE TABLE "agenda_carried_tasks" (
	"agenda_item_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"derived_status" text NOT NULL,
	"deadline" date NOT NULL,
	CONSTRAINT "agenda_carried_tasks_agenda_item_id_task_id_pk" PRIMARY KEY("agenda_item_id","task_id")
);
--> statement-breakpoint
ALTER TABLE "agenda_carried_tasks" ADD CONSTRAINT "agenda_carried_tasks_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_carried_tasks" ADD CONSTRAINT "agenda_carried_tasks_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;