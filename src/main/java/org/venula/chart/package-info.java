/**
 * The patient chart's overview: where this patient stands on the pathway and what comes next, composed from the
 * capabilities' facades (screening, consultation, plan and consent, sessions, appointments, follow-up). It owns no
 * data and no rule, writes nothing, and nothing depends on it: the patient capability cannot ask the others (they
 * depend on it), so the overview that needs all of them sits above them.
 */
package org.venula.chart;
