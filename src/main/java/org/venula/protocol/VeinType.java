package org.venula.protocol;

/**
 * The kinds of vein the pathway treats (seed 000): thread veins (telangiectasia, under 1 mm), reticular veins (1-3 mm)
 * and small varicose tributaries. The leg map records one per area, and the protocol gives strengths, limits and
 * aftercare by them, so the protocol, which every later capability builds on, owns the list.
 */
public enum VeinType {
    TELANGIECTASIA, RETICULAR, VARICOSE_TRIBUTARY;

    /** Whether {@code name} names a vein type (the protocol document keys its maps by the name). */
    public static boolean isName(String name) {
        for (VeinType v : values()) {
            if (v.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
