DROP INDEX "task_cooperators_unit_key";--> statement-breakpoint
DROP INDEX "task_cooperators_member_key";--> statement-breakpoint
CREATE UNIQUE INDEX "task_cooperators_unit_key" ON "task_cooperators" USING btree ("task_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_cooperators_member_key" ON "task_cooperators" USING btree ("task_id","membership_id");