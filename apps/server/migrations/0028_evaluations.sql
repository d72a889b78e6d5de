CREATE TABLE "evaluation_cycles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"scheme_code" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"as_of" date,
	"cap_override_reason" text,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "evaluation_cycles_year_key" UNIQUE("committee_id","year"),
	CONSTRAINT "evaluation_cycles_status_check" CHECK ("evaluation_cycles"."status" in ('open','decided'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"self_scores" jsonb,
	"self_scored_at" timestamp with time zone,
	"reviewed_scores" jsonb,
	"proposed_level" text,
	"proposal_note" text,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone,
	"decided_level" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"figures" jsonb,
	"task_score" jsonb,
	CONSTRAINT "evaluation_members_person_key" UNIQUE("cycle_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_schemes" (
	"code" text PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"valid_from_year" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_task_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"event_id" uuid,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_task_notes_kind_check" CHECK ("evaluation_task_notes"."kind" in ('exemptDelay','minorReturn')),
	CONSTRAINT "evaluation_task_notes_event_check" CHECK ("evaluation_task_notes"."kind" <> 'minorReturn' or "evaluation_task_notes"."event_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_scheme_code_evaluation_schemes_code_fk" FOREIGN KEY ("scheme_code") REFERENCES "public"."evaluation_schemes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_cycle_id_evaluation_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."evaluation_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_task_notes" ADD CONSTRAINT "evaluation_task_notes_cycle_id_evaluation_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."evaluation_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_task_notes" ADD CONSTRAINT "evaluation_task_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_task_notes_cycle_idx" ON "evaluation_task_notes" USING btree ("cycle_id");--> statement-breakpoint
-- R17: Decree 335/2025's scheme as data (names, thresholds, cap, penalties); corrected in the row, not in code.
INSERT INTO "evaluation_schemes" ("code", "definition", "valid_from_year") VALUES ('nd335-2025', '{"name": "Nghị định 335/2025/NĐ-CP: đánh giá, xếp loại chất lượng theo kết quả, sản phẩm (100 điểm)", "levels": [{"code": "excellent", "name": "Hoàn thành xuất sắc nhiệm vụ", "minPoints": 90}, {"code": "good", "name": "Hoàn thành tốt nhiệm vụ", "minPoints": 70}, {"code": "done", "name": "Hoàn thành nhiệm vụ", "minPoints": 50}, {"code": "notDone", "name": "Không hoàn thành nhiệm vụ", "minPoints": 0}], "generalCriteria": [{"code": "I.1", "group": "I. Phẩm chất chính trị, đạo đức, văn hóa thực thi công vụ, ý thức kỷ luật", "text": "Phẩm chất chính trị, đạo đức", "maxPoints": 5, "unconfirmed": false}, {"code": "I.2", "group": "I. Phẩm chất chính trị, đạo đức, văn hóa thực thi công vụ, ý thức kỷ luật", "text": "Văn hóa thực thi công vụ, ý thức kỷ luật, kỷ cương", "maxPoints": 5, "unconfirmed": false}, {"code": "II.1", "group": "II. Năng lực, trách nhiệm, thái độ phục vụ", "text": "Năng lực chuyên môn, nghiệp vụ", "maxPoints": 2.5, "unconfirmed": false}, {"code": "II.2", "group": "II. Năng lực, trách nhiệm, thái độ phục vụ", "text": "Đáp ứng yêu cầu nhiệm vụ thường xuyên, đột xuất", "maxPoints": 2.5, "unconfirmed": false}, {"code": "II.3", "group": "II. Năng lực, trách nhiệm, thái độ phục vụ", "text": "Tinh thần trách nhiệm", "maxPoints": 2.5, "unconfirmed": false}, {"code": "II.4", "group": "II. Năng lực, trách nhiệm, thái độ phục vụ", "text": "Thái độ phục vụ và phối hợp", "maxPoints": 2.5, "unconfirmed": false}, {"code": "III", "group": "III. Năng lực đổi mới, sáng tạo, dám nghĩ, dám làm", "text": "Đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung", "maxPoints": 10, "unconfirmed": true}], "generalMax": 30, "taskMax": 70, "weights": {"quantity": 1, "quality": 1, "timeliness": 1}, "errorPenalty": 0.25, "delayPenalty": 0.25, "cap": {"level": "excellent", "ofLevel": "good", "share": 0.2}, "notes": ["Thang 100 điểm: tiêu chí chung 30, kết quả thực hiện nhiệm vụ 70; bốn mức và ngưỡng 90/70/50 (NĐ 335/2025).", "Chất lượng: mỗi lỗi lớn trừ 25% điểm chất lượng của sản phẩm; tiến độ: mỗi lần chậm trừ 25% (NĐ 335/2025).", "Tỷ lệ Hoàn thành xuất sắc nhiệm vụ không quá 20% số Hoàn thành tốt nhiệm vụ (NĐ 335/2025).", "Suy luận: ba thành phần số lượng, chất lượng, tiến độ có trọng số bằng nhau trong 70 điểm.", "Chưa xác nhận: điểm của nhóm tiêu chí III (giả định 10 để tổng là 30)."]}'::jsonb, 2026);
