package org.venula.patient;

/** The latest duplex (or Doppler) scan of the legs, as screening reads it. */
public enum DuplexResult {
    NOT_DONE, NO_REFLUX, SUPERFICIAL_REFLUX, DEEP_REFLUX
}
