-- The header's search (issue 19): accent-folded titles of meetings and tasks, trigram GIN for LIKE '%word%'.
CREATE INDEX "meetings_title_search_idx" ON "meetings" USING gin (steerco_fold("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tasks_title_search_idx" ON "tasks" USING gin (steerco_fold("title") gin_trgm_ops);