/**
 * Follow-up after treatment: the review, the next session of a course and the maintenance recall become due tasks
 * when a session is signed, and a recall list books them in one click. It reacts to
 * {@link org.venula.treatment.SessionSigned}; it never changes a session.
 */
package org.venula.followup;
