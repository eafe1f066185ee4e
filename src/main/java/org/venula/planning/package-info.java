/**
 * The treatment plan: a course of sessions for the consultation's mapped areas, the sclerosant intended per vein
 * type, expected results and advice, the quote (priced by the protocol) and the patient's consent. Consent lives
 * here rather than in assessment because what a patient consents to is the plan. Rules live in {@code rules}.
 */
package org.venula.planning;
