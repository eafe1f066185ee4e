/**
 * Patients: demographics and the versioned medical history that screening reads.
 * Every read and write goes through {@link org.venula.patient.Patients} (demographics) or
 * {@link org.venula.patient.MedicalHistories} (the medical history), which keep the clinic boundary,
 * the role rules and the access log. No earlier state is ever overwritten: demographics keep revisions and
 * each history change is a new version.
 */
package org.venula.patient;
