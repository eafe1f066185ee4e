-- Consent given at home in the portal: the patient reads the exact text and types their name (channel PORTAL, with
-- no witness yet); a clinician confirms it with the patient in the room before the first injection, and becomes its
-- witness then. Consent given in the clinic (IN_CLINIC) is witnessed as it is given.
ALTER TABLE consent ADD COLUMN channel VARCHAR(10) NOT NULL DEFAULT 'IN_CLINIC';
ALTER TABLE consent ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consent ADD COLUMN confirmed_by VARCHAR(100);
ALTER TABLE consent ALTER COLUMN witness_practitioner_id DROP NOT NULL;
ALTER TABLE consent ADD CONSTRAINT consent_channel_known CHECK (channel IN ('IN_CLINIC', 'PORTAL'));
ALTER TABLE consent ADD CONSTRAINT consent_witnessed CHECK (
    (channel = 'IN_CLINIC' AND witness_practitioner_id IS NOT NULL AND confirmed_at IS NULL)
    OR (channel = 'PORTAL' AND (confirmed_at IS NULL) = (confirmed_by IS NULL)
        AND (confirmed_at IS NULL) = (witness_practitioner_id IS NULL)));
