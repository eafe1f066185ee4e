/**
 * Follow-up after treatment: the review, the next session of a course and the maintenance recall become due tasks
 * when a session is signed ({@link org.venula.treatment.SessionSigned}), and a recall list books them in one click.
 * It records reviews (vein clearance per mapped area and the decision), keeps the complications register (serious ones
 * flagged for the clinic lead, proposals from patients' check-ins confirmed by a clinician) and answers the outcome
 * audit. It never changes a session; its clinical rules live in {@code followup.rules} as plain Java.
 */
package org.venula.followup;
