package org.venula.accesslog;

/** What was done to a patient's record. */
public enum AccessAction {
    SEARCH_PATIENTS,
    VIEW_PATIENT,
    CREATE_PATIENT,
    UPDATE_PATIENT,
    VIEW_HISTORY,
    UPDATE_HISTORY,
    VIEW_ACCESS_LOG,
    SCREEN_PATIENT,
    VIEW_SCREENINGS,
    SIGN_OFF_SCREENING
}
