package org.venula.treatment;

/**
 * What charting assumes when the clinician leaves a field out: the needle and the foam mix. The one place these
 * figures live, so that they can be read from the protocol in one line when it has them.
 */
public final class ChartingDefaults {

    // moves to the protocol's charting defaults
    /** The needle, in gauge, when none is given (27-30 G is typical for telangiectasia and reticular veins). */
    public static final int NEEDLE_GAUGE = 30;
    /** Liquid parts of a foam whose mix was not recorded (Tessari 1+4), and the default without a protocol. */
    public static final int FOAM_LIQUID_PARTS = 1;
    /** Gas parts of a foam whose mix was not recorded (Tessari 1+4), and the default without a protocol. */
    public static final int FOAM_GAS_PARTS = 4;

    private ChartingDefaults() {
    }
}
