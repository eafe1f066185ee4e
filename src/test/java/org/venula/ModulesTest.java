package org.venula;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Spring Modulith's own check: each capability is a module, no cycles, no reach into another's internals. */
class ModulesTest {

    @Test
    void capabilitiesAreModulesThatRespectEachOthersInternals() {
        ApplicationModules.of(VenulaApplication.class).verify();
    }
}
