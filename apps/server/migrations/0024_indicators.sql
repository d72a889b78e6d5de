CREATE TABLE "indicator_frameworks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"year" smallint NOT NULL,
	"basis" text,
	"is_sample" boolean DEFAULT true NOT NULL,
	"unconfirmed" boolean DEFAULT false NOT NULL,
	"scored" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"max_points" double precision,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_summaries" (
	"committee_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" smallint NOT NULL,
	"parent_id" uuid,
	"level" text NOT NULL,
	"own_value" double precision,
	"aggregate" double precision,
	"value" double precision,
	"target" double precision,
	"light" text NOT NULL,
	"projection" double precision,
	"warning" boolean DEFAULT false NOT NULL,
	"meets" boolean,
	"reporting" integer DEFAULT 0 NOT NULL,
	"e_count" integer DEFAULT 0 NOT NULL,
	"e_sum" double precision DEFAULT 0 NOT NULL,
	"e_weighted_sum" double precision DEFAULT 0 NOT NULL,
	"e_weight" double precision DEFAULT 0 NOT NULL,
	"e_min" double precision,
	"e_max" double precision,
	"e_meeting" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_summaries_committee_id_indicator_id_period_pk" PRIMARY KEY("committee_id","indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"committee_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"set_from" text NOT NULL,
	"plan_item_id" uuid,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_committee_id_indicator_id_pk" PRIMARY KEY("committee_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" smallint NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"corrects_id" uuid,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "indicator_values_status_check" CHECK ("indicator_values"."status" in ('submitted','approved','rejected','superseded'))
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"framework_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"aggregation" text NOT NULL,
	"weight_code" text,
	"frequency" text NOT NULL,
	"source" text NOT NULL,
	"domain" text NOT NULL,
	"owner_agency" text,
	"max_points" double precision,
	"position" integer NOT NULL,
	CONSTRAINT "indicators_direction_check" CHECK ("indicators"."direction" in ('higher','lower')),
	CONSTRAINT "indicators_aggregation_check" CHECK ("indicators"."aggregation" in ('sum','average','weightedAverage','min','max','shareMeeting')),
	CONSTRAINT "indicators_weight_check" CHECK (("indicators"."aggregation" = 'weightedAverage') = ("indicators"."weight_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "par_appraisals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assessment_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"from_score" double precision,
	"to_score" double precision NOT NULL,
	"reason" text,
	"appraised_by" uuid,
	"appraised_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"finalised_by" uuid,
	"finalised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "par_assessments_status_check" CHECK ("par_assessments"."status" in ('draft','submitted','appraised','final'))
);
--> statement-breakpoint
CREATE TABLE "par_scores" (
	"assessment_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"self_score" double precision,
	"explanation" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"appraised_score" double precision,
	CONSTRAINT "par_scores_assessment_id_indicator_id_pk" PRIMARY KEY("assessment_id","indicator_id")
);
--> statement-breakpoint
ALTER TABLE "indicator_groups" ADD CONSTRAINT "indicator_groups_framework_id_indicator_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."indicator_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_summaries" ADD CONSTRAINT "indicator_summaries_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_summaries" ADD CONSTRAINT "indicator_summaries_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_corrects_id_indicator_values_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."indicator_values"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_framework_id_indicator_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."indicator_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_group_id_indicator_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."indicator_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_parent_id_indicators_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_appraisals" ADD CONSTRAINT "par_appraisals_assessment_id_par_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."par_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_appraisals" ADD CONSTRAINT "par_appraisals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_appraisals" ADD CONSTRAINT "par_appraisals_appraised_by_users_id_fk" FOREIGN KEY ("appraised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_framework_id_indicator_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."indicator_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_scores" ADD CONSTRAINT "par_scores_assessment_id_par_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."par_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_scores" ADD CONSTRAINT "par_scores_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_frameworks_code_year_key" ON "indicator_frameworks" USING btree ("code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_groups_code_key" ON "indicator_groups" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "indicator_summaries_parent_idx" ON "indicator_summaries" USING btree ("parent_id","indicator_id","period") INCLUDE ("committee_id","value","target","light","e_count","e_sum","e_weighted_sum","e_weight","e_min","e_max","e_meeting");--> statement-breakpoint
CREATE INDEX "indicator_summaries_level_idx" ON "indicator_summaries" USING btree ("indicator_id","period","level") INCLUDE ("committee_id","value","target","light","e_count","e_sum","e_weighted_sum","e_weight","e_min","e_max","e_meeting");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_approved_key" ON "indicator_values" USING btree ("committee_id","indicator_id","period") WHERE "indicator_values"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "indicator_values_committee_idx" ON "indicator_values" USING btree ("committee_id","indicator_id","period");--> statement-breakpoint
CREATE INDEX "indicator_values_pending_idx" ON "indicator_values" USING btree ("committee_id") WHERE "indicator_values"."status" = 'submitted';--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_key" ON "indicators" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "par_appraisals_assessment_idx" ON "par_appraisals" USING btree ("assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "par_assessments_committee_key" ON "par_assessments" USING btree ("committee_id","framework_id");