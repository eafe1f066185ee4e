package org.venula.patient;

/** Medicines that change whether or how sclerotherapy is given (seed 001, seed 003). */
public enum Medication {
    TAMOXIFEN, DISULFIRAM, ANTICOAGULANT
}
