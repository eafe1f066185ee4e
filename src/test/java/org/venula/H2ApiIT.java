package org.venula;

/** The API scenarios on the embedded default, H2 in PostgreSQL mode. */
class H2ApiIT extends RunningApplication implements ApiScenarios, TreatmentScenarios, AftercareScenarios,
        OutcomeScenarios, HostileInputScenarios, ClinicDayScenarios, PortalScenarios {
}
