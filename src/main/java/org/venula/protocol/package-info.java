/**
 * A clinic's protocol: the versioned document that holds every clinical choice (screening windows and levels,
 * the sclerosants it stocks, and later dose limits, appointment rules, aftercare regimes and prices), each with
 * its source. Venula ships presets as YAML under {@code resources/protocols}; a clinic adopts one and edits it,
 * and every save is a new version. It must not evaluate patients: the capabilities that do read it from here.
 */
package org.venula.protocol;
