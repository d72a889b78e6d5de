-- Rules the database itself enforces, so concurrent requests cannot break them (btree_gist is a trusted extension).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- One head at a time per committee (two heads at once is impossible).
ALTER TABLE memberships ADD CONSTRAINT memberships_one_head_at_a_time
  EXCLUDE USING gist (committee_id WITH =, daterange(start_date, end_date, '[]') WITH &&) WHERE (role = 'head');
--> statement-breakpoint
-- A person holds at most one seat on a committee at any date (guests are invited per meeting and do not count).
-- user_id leads: GiST scans are narrowed by their first column, and "the seats of this person" is a hot lookup.
ALTER TABLE memberships ADD CONSTRAINT memberships_one_seat_per_person
  EXCLUDE USING gist (user_id WITH =, committee_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
  WHERE (role <> 'guest');
