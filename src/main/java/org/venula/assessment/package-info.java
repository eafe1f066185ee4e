/**
 * The consultation: standing examination, Doppler/duplex findings, CEAP and revised VCSS per leg, symptoms, the
 * leg map of areas to treat, standard photos, and the derived outcome (proceed, treat the underlying veins first,
 * refer elsewhere, not suitable). Planning and treatment build on it. Rules live in {@code rules} as plain Java.
 */
package org.venula.assessment;
