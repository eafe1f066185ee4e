package org.venula.protocol.rules;

import java.util.Set;

/**
 * The vein types that protocol values may be given by. Assessment's {@code LegMapTerms.VeinType} is the enum that
 * defines them, but assessment depends on protocol, so the protocol names them here; a test keeps the two alike.
 */
final class VeinTypes {

    static final Set<String> NAMES = Set.of("TELANGIECTASIA", "RETICULAR", "VARICOSE_TRIBUTARY");

    private VeinTypes() {
    }

    static boolean known(String name) {
        return name != null && NAMES.contains(name);
    }
}
