-- The outbox's sign-in codes still readable (not yet used, replaced, sent or out of date) are marked, and only those
-- are looked at when codes are blanked: the outbox holds every reminder ever sent, and blanking runs on every
-- sign-in and on every round of the sender, so it must not read the whole table.
ALTER TABLE reminder ADD COLUMN code_live BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE reminder SET code_live = TRUE WHERE kind = 'SIGN_IN_CODE'
    AND body <> '(a sign-in code: its text is not kept once used, replaced or out of date)';
ALTER TABLE reminder ADD CONSTRAINT reminder_live_code_is_a_code CHECK (NOT code_live OR kind = 'SIGN_IN_CODE');
CREATE INDEX reminder_live_codes ON reminder (code_live, created_at);
