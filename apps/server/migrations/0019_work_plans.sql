CREATE TABLE "work_plan_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"domain" text NOT NULL,
	"quarter" smallint NOT NULL,
	"title" text NOT NULL,
	"content" text,
	"lead_unit_id" uuid,
	"lead_membership_id" uuid,
	"cooperating_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"expected_product" text,
	"deadline" date NOT NULL,
	"task_id" uuid,
	CONSTRAINT "work_plan_items_one_lead_check" CHECK (num_nonnulls("work_plan_items"."lead_unit_id", "work_plan_items"."lead_membership_id") = 1),
	CONSTRAINT "work_plan_items_quarter_check" CHECK ("work_plan_items"."quarter" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"purpose" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"approved_on" date,
	"approved_under_delegation_id" uuid,
	"document_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_plans_status_check" CHECK ("work_plans"."status" in ('draft','approved','cancelled')),
	CONSTRAINT "work_plans_year_check" CHECK ("work_plans"."year" between 2000 and 2100),
	CONSTRAINT "work_plans_approved_check" CHECK (("work_plans"."status" = 'approved') = ("work_plans"."approved_at" is not null and "work_plans"."approved_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "work_plan_items" ADD CONSTRAINT "work_plan_items_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_items" ADD CONSTRAINT "work_plan_items_lead_unit_id_administrative_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."administrative_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_items" ADD CONSTRAINT "work_plan_items_lead_membership_id_memberships_id_fk" FOREIGN KEY ("lead_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_items" ADD CONSTRAINT "work_plan_items_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_approved_under_delegation_id_delegations_id_fk" FOREIGN KEY ("approved_under_delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "work_plan_items_position_key" ON "work_plan_items" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "work_plan_items_task_key" ON "work_plan_items" USING btree ("task_id") WHERE "work_plan_items"."task_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "work_plans_committee_year_key" ON "work_plans" USING btree ("committee_id","year") WHERE "work_plans"."status" <> 'cancelled';--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_item_id_work_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."work_plan_items"("id") ON DELETE no action ON UPDATE no action;