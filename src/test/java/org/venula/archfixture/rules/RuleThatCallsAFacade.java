package org.venula.archfixture.rules;

import org.venula.protocol.Protocols;

/** Deliberately breaks the rules-are-plain-Java rule by using a facade: ArchitectureTest shows the build catches it. */
public final class RuleThatCallsAFacade {

    private RuleThatCallsAFacade() {
    }

    public static boolean hasProtocol(Protocols protocols, long clinicId) {
        return protocols.active(clinicId) != null;
    }
}
