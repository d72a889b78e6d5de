CREATE TABLE "task_status_counts" (
	"committee_id" uuid NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "task_status_counts_committee_id_status_pk" PRIMARY KEY("committee_id","status")
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "cascade_root_id" uuid;--> statement-breakpoint
ALTER TABLE "task_status_counts" ADD CONSTRAINT "task_status_counts_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_cascade_root_id_tasks_id_fk" FOREIGN KEY ("cascade_root_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_cascade_committee_key" ON "tasks" USING btree ("cascade_root_id","committee_id") WHERE "tasks"."cascade_root_id" is not null;--> statement-breakpoint
-- Per-committee counts by status, kept in step with tasks: inserts, status or committee changes, deletes.
CREATE FUNCTION steerco_task_status_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE task_status_counts SET n = n - 1 WHERE committee_id = OLD.committee_id AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO task_status_counts (committee_id, status, n) VALUES (NEW.committee_id, NEW.status, 1)
    ON CONFLICT (committee_id, status) DO UPDATE SET n = task_status_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tasks_status_counts_insert_delete AFTER INSERT OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION steerco_task_status_counts();--> statement-breakpoint
CREATE TRIGGER tasks_status_counts_update AFTER UPDATE OF status, committee_id ON tasks
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.committee_id IS DISTINCT FROM NEW.committee_id)
  EXECUTE FUNCTION steerco_task_status_counts();--> statement-breakpoint
INSERT INTO task_status_counts (committee_id, status, n)
  SELECT committee_id, status, count(*) FROM tasks GROUP BY committee_id, status;
