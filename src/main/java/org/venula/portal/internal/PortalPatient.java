package org.venula.portal.internal;

import java.io.Serializable;

/**
 * A patient signed in to the portal: their clinic, their record and the address the code went to. Kept in the
 * patient's own session (apart from staff sessions), and the only identity the portal's pages and API act as.
 */
record PortalPatient(long clinicId, long patientId, String email) implements Serializable {

    static final String ROLE = "ROLE_PATIENT";
}
