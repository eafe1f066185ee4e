/**
 * A clinic's protocol: the versioned document that holds every clinical choice (screening windows and levels, the
 * sclerosants it stocks, the course plan, prices, consent, booking rules, dose limits and charting defaults,
 * aftercare regimes and triage), each with its source. Venula ships presets as YAML under
 * {@code resources/protocols}; a clinic adopts one and edits it, every save is a new version, and {@code rules}
 * checks a document section by section before it is saved. It must not evaluate patients: the capabilities that do
 * read it from here.
 */
package org.venula.protocol;
