/**
 * Aftercare: each patient's dated plan from the clinic's protocol (a page on a private link, a PDF leaflet and an
 * iCalendar file), the clinic's public patient information, and symptom check-ins with red-flag triage that reach the
 * clinicians' dashboard. It reacts to {@link org.venula.treatment.SessionSigned}; it never changes a session except
 * through the treatment capability's addenda.
 */
package org.venula.aftercare;
