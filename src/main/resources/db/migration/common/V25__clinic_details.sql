-- The clinic's details patients are given (address, phone, e-mail, website, the emergency number, and the prompt
-- staff see for reporting to the regulator), and whether signing a treatment session asks for the clinician's
-- password again. Versioned: each change is a new row, earlier rows are kept.
CREATE TABLE clinic_details (
    clinic_id         BIGINT       NOT NULL REFERENCES clinic (id),
    version           INTEGER      NOT NULL,
    name              VARCHAR(200) NOT NULL,
    address           VARCHAR(500),
    phone             VARCHAR(40),
    email             VARCHAR(200),
    website           VARCHAR(300),
    emergency_number  VARCHAR(10)  NOT NULL,
    regulator_prompt  VARCHAR(500) NOT NULL,
    sign_needs_password BOOLEAN    NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(100) NOT NULL,
    CONSTRAINT clinic_details_pk PRIMARY KEY (clinic_id, version),
    CONSTRAINT clinic_details_version_positive CHECK (version >= 1),
    CONSTRAINT clinic_details_name_not_blank CHECK (LENGTH(TRIM(name)) > 0),
    CONSTRAINT clinic_details_emergency_not_blank CHECK (LENGTH(TRIM(emergency_number)) > 0)
);
