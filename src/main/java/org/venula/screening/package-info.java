/**
 * Eligibility screening: a patient's medical history against the clinic's protocol, giving an outcome (eligible,
 * caution, defer until a date, refer, not suitable) with every reason, in clinician and patient wording.
 * The rules live in {@code rules} as plain Java; this package stores screenings and their sign-offs.
 */
package org.venula.screening;
