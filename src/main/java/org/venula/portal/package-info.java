/**
 * The patient portal: what patients do for themselves, from a phone, under the same protocol and pathway rules as
 * staff. "Am I suitable?" (anonymous), sign-in with a one-time code by e-mail, registration (held for staff when it
 * matches a patient), and the health questionnaire, whose answers wait for a clinician to accept them. It asks other
 * capabilities' facades for every answer, acts only as the signed-in patient, and never decides a clinical question.
 */
package org.venula.portal;
