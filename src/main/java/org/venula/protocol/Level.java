package org.venula.protocol;

/** How serious a screening finding is, from mildest to most severe. */
public enum Level {
    INFO, CAUTION, DEFER, REFER, NOT_SUITABLE;

    public boolean isMoreSevereThan(Level other) {
        return compareTo(other) > 0;
    }
}
