/**
 * Treatment sessions: the checklist and re-screen before the first injection, every injection charted on the
 * consultation's leg map with its sclerosant lot, the dose check against the protocol's limits, compression, immediate
 * reactions, signing and addenda. Also the clinic's stock of sclerosant lots and the recall search. It never changes a
 * signed session except by an addendum; follow-on work reacts to {@link org.venula.treatment.SessionSigned}.
 */
package org.venula.treatment;
