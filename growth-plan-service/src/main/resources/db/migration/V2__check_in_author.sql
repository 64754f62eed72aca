-- Who wrote a check-in: the caller, as the gateway's token names them. Check-ins written before
-- this was recorded keep a NULL author.
ALTER TABLE growth_plan.check_in ADD COLUMN author_id uuid;
