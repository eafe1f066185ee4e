-- Photos are stored without their EXIF, XMP and IPTC metadata (GPS position, device, time). Photos stored before
-- this version are cleaned once when Venula starts (assessment.internal.PhotoMetadataBackfill), which sets this.
ALTER TABLE photo ADD COLUMN metadata_removed BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX photo_metadata_pending ON photo (metadata_removed);
