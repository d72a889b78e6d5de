CREATE TABLE "task_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"mentions" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_cooperators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid,
	"membership_id" uuid,
	CONSTRAINT "task_cooperators_one_check" CHECK (num_nonnulls("task_cooperators"."unit_id", "task_cooperators"."membership_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "task_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_id" uuid,
	"reason" text,
	"old_deadline" date,
	"new_deadline" date,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_progress" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"percent" smallint NOT NULL,
	"text" text NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"user_id" uuid NOT NULL,
	"membership_id" uuid,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_progress_percent_check" CHECK ("task_progress"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"title" text NOT NULL,
	"content" text,
	"domain" text,
	"source_kind" text NOT NULL,
	"conclusion_id" uuid,
	"meeting_id" uuid,
	"document_id" uuid,
	"plan_item_id" uuid,
	"source_date" date NOT NULL,
	"lead_unit_id" uuid,
	"lead_membership_id" uuid,
	"responsible_membership_id" uuid,
	"expected_product" text,
	"deadline" date NOT NULL,
	"original_deadline" date NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"duty_id" uuid,
	"parent_task_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"extension_proposed_deadline" date,
	"extension_previous_status" text,
	"completed_on" date,
	"done_at" timestamp with time zone,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_one_lead_check" CHECK (num_nonnulls("tasks"."lead_unit_id", "tasks"."lead_membership_id") = 1),
	CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" in ('new','inProgress','submittedDone','done','returned','extensionRequested','cancelled')),
	CONSTRAINT "tasks_source_kind_check" CHECK ("tasks"."source_kind" in ('conclusion','planItem','directive','adHoc')),
	CONSTRAINT "tasks_source_link_check" CHECK (("tasks"."source_kind" <> 'conclusion' or "tasks"."conclusion_id" is not null)
        and ("tasks"."source_kind" <> 'directive' or "tasks"."document_id" is not null or "tasks"."parent_task_id" is not null)
        and ("tasks"."source_kind" <> 'planItem' or "tasks"."plan_item_id" is not null)),
	CONSTRAINT "tasks_priority_check" CHECK ("tasks"."priority" in ('low','normal','high','urgent')),
	CONSTRAINT "tasks_deadline_check" CHECK ("tasks"."deadline" >= "tasks"."source_date" and "tasks"."original_deadline" >= "tasks"."source_date"),
	CONSTRAINT "tasks_progress_check" CHECK ("tasks"."progress" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_cooperators" ADD CONSTRAINT "task_cooperators_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_cooperators" ADD CONSTRAINT "task_cooperators_unit_id_administrative_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."administrative_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_cooperators" ADD CONSTRAINT "task_cooperators_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_events" ADD CONSTRAINT "task_events_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_events" ADD CONSTRAINT "task_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_unit_id_administrative_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."administrative_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_conclusion_id_conclusions_id_fk" FOREIGN KEY ("conclusion_id") REFERENCES "public"."conclusions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_unit_id_administrative_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."administrative_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_membership_id_memberships_id_fk" FOREIGN KEY ("lead_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_responsible_membership_id_memberships_id_fk" FOREIGN KEY ("responsible_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_duty_id_duties_id_fk" FOREIGN KEY ("duty_id") REFERENCES "public"."duties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_task_id_tasks_id_fk" FOREIGN KEY ("parent_task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_comments_task_idx" ON "task_comments" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "task_cooperators_unit_key" ON "task_cooperators" USING btree ("task_id","unit_id") WHERE "task_cooperators"."unit_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "task_cooperators_member_key" ON "task_cooperators" USING btree ("task_id","membership_id") WHERE "task_cooperators"."membership_id" is not null;--> statement-breakpoint
CREATE INDEX "task_cooperators_membership_idx" ON "task_cooperators" USING btree ("membership_id") WHERE "task_cooperators"."membership_id" is not null;--> statement-breakpoint
CREATE INDEX "task_cooperators_unit_idx" ON "task_cooperators" USING btree ("unit_id") WHERE "task_cooperators"."unit_id" is not null;--> statement-breakpoint
CREATE INDEX "task_events_task_idx" ON "task_events" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "task_progress_task_idx" ON "task_progress" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_committee_status_deadline_idx" ON "tasks" USING btree ("committee_id","status","deadline","id");--> statement-breakpoint
CREATE INDEX "tasks_committee_deadline_idx" ON "tasks" USING btree ("committee_id","deadline","id");--> statement-breakpoint
CREATE INDEX "tasks_responsible_idx" ON "tasks" USING btree ("responsible_membership_id","status","deadline");--> statement-breakpoint
CREATE INDEX "tasks_lead_membership_idx" ON "tasks" USING btree ("lead_membership_id","status","deadline") WHERE "tasks"."lead_membership_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_lead_unit_idx" ON "tasks" USING btree ("lead_unit_id","status") WHERE "tasks"."lead_unit_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_open_deadline_idx" ON "tasks" USING btree ("deadline","committee_id") WHERE "tasks"."status" in ('new','inProgress','submittedDone','returned','extensionRequested');--> statement-breakpoint
CREATE INDEX "tasks_conclusion_idx" ON "tasks" USING btree ("conclusion_id") WHERE "tasks"."conclusion_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_document_idx" ON "tasks" USING btree ("document_id") WHERE "tasks"."document_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_task_id") WHERE "tasks"."parent_task_id" is not null;