package org.venula.patient;

public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN
}
