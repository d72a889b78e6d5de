CREATE TABLE "report_periods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"regime_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"deadline" date NOT NULL,
	"opens_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_periods_kind_check" CHECK ("report_periods"."kind" in ('periodic','adHoc')),
	CONSTRAINT "report_periods_window_check" CHECK ("report_periods"."to_date" >= "report_periods"."from_date" and "report_periods"."deadline" >= "report_periods"."to_date")
);
--> statement-breakpoint
CREATE TABLE "report_regime_reporters" (
	"regime_id" uuid NOT NULL,
	"reporter_committee_id" uuid NOT NULL,
	CONSTRAINT "report_regime_reporters_regime_id_reporter_committee_id_pk" PRIMARY KEY("regime_id","reporter_committee_id")
);
--> statement-breakpoint
CREATE TABLE "report_regimes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"frequency" text NOT NULL,
	"outline" jsonb NOT NULL,
	"fields" jsonb NOT NULL,
	"cutoff_day" smallint DEFAULT 15 NOT NULL,
	"deadline" jsonb NOT NULL,
	"from_year" smallint NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_regimes_frequency_check" CHECK ("report_regimes"."frequency" in ('monthly','quarterly','halfYear','annual')),
	CONSTRAINT "report_regimes_cutoff_check" CHECK ("report_regimes"."cutoff_day" between 1 and 28)
);
--> statement-breakpoint
CREATE TABLE "report_reminders" (
	"period_id" uuid NOT NULL,
	"reporter_committee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_reminders_period_id_reporter_committee_id_kind_pk" PRIMARY KEY("period_id","reporter_committee_id","kind")
);
--> statement-breakpoint
CREATE TABLE "report_versions" (
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"outcome" text,
	"comment" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "report_versions_report_id_version_pk" PRIMARY KEY("report_id","version")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"period_id" uuid NOT NULL,
	"reporter_committee_id" uuid NOT NULL,
	"status" text DEFAULT 'drafting' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"computed" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"narrative" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"return_comment" text,
	"submitted_at" timestamp with time zone,
	"first_submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"document_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_status_check" CHECK ("reports"."status" in ('drafting','submitted','returned','accepted'))
);
--> statement-breakpoint
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_regime_id_report_regimes_id_fk" FOREIGN KEY ("regime_id") REFERENCES "public"."report_regimes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_regime_reporters" ADD CONSTRAINT "report_regime_reporters_regime_id_report_regimes_id_fk" FOREIGN KEY ("regime_id") REFERENCES "public"."report_regimes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_regime_reporters" ADD CONSTRAINT "report_regime_reporters_reporter_committee_id_committees_id_fk" FOREIGN KEY ("reporter_committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_regimes" ADD CONSTRAINT "report_regimes_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_regimes" ADD CONSTRAINT "report_regimes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_period_id_report_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_reporter_committee_id_committees_id_fk" FOREIGN KEY ("reporter_committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_period_id_report_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_committee_id_committees_id_fk" FOREIGN KEY ("reporter_committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_periods_code_key" ON "report_periods" USING btree ("regime_id","code");--> statement-breakpoint
CREATE INDEX "report_periods_deadline_idx" ON "report_periods" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "report_regime_reporters_reporter_idx" ON "report_regime_reporters" USING btree ("reporter_committee_id");--> statement-breakpoint
CREATE INDEX "report_regimes_committee_idx" ON "report_regimes" USING btree ("committee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_period_reporter_key" ON "reports" USING btree ("period_id","reporter_committee_id");--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("reporter_committee_id","period_id");