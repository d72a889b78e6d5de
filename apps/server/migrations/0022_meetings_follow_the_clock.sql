CREATE TABLE "late_notice_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"chair_user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "late_notice_requests_status_check" CHECK ("late_notice_requests"."status" in ('pending','approved','refused'))
);
--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD COLUMN "minute_taker" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "recorded_afterwards" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "recorded_reason" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "recorded_by" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "day_off_reason" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "day_off_confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "day_off_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "late_notice_requests" ADD CONSTRAINT "late_notice_requests_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_notice_requests" ADD CONSTRAINT "late_notice_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_notice_requests" ADD CONSTRAINT "late_notice_requests_chair_user_id_users_id_fk" FOREIGN KEY ("chair_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "late_notice_requests" ADD CONSTRAINT "late_notice_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "late_notice_requests_pending_key" ON "late_notice_requests" USING btree ("meeting_id") WHERE "late_notice_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "late_notice_requests_meeting_idx" ON "late_notice_requests" USING btree ("meeting_id","requested_at");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_day_off_confirmed_by_users_id_fk" FOREIGN KEY ("day_off_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendees_minute_taker_key" ON "meeting_attendees" USING btree ("meeting_id") WHERE "meeting_attendees"."minute_taker";--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_recorded_reason_check" CHECK (not "meetings"."recorded_afterwards" or "meetings"."recorded_reason" is not null);