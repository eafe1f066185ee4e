package org.venula;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.venula.archfixture.rules.RuleThatCallsAFacade;
import org.venula.archfixture.rules.RuleThatReadsTheClock;
import org.venula.archfixture.rules.RuleThatUsesSpring;
import org.venula.archfixture.sneaky.ReachesIntoPatientInternals;
import org.venula.archfixture.web.ControllerThatThrowsProblem;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The boundaries of ../shared/docs/style.md: capabilities form no cycle, none reaches into another's
 * {@code internal} package, and clinical rules ({@code ..rules..}) are plain Java.
 */
class ArchitectureTest {

    private static final JavaClasses VENULA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.venula");

    static final ArchRule CAPABILITIES_FORM_NO_CYCLE = slices().matching("org.venula.(*)..")
            .should().beFreeOfCycles();

    static final ArchRule NO_CAPABILITY_REACHES_INTO_ANOTHERS_INTERNALS = noClasses()
            .should(reachIntoAnotherCapabilitysInternals());

    static final ArchRule RULES_ARE_PLAIN_JAVA = classes().that().resideInAPackage("org.venula..rules..")
            .and().doNotHaveSimpleName("package-info")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..", "java.time..",
                    "java.math..", "java.text..", "org.venula..")
            .andShould().onlyDependOnClassesThat().resideOutsideOfPackage("org.venula..internal..")
            .because("clinical rules take the facts, the protocol and today's date from their caller: "
                    + "no framework, persistence, servlet, HAPI or I/O");

    /**
     * A rule sees only values: other rules, the shared value types, and the records and enums (facts, protocol
     * sections) of any capability. Never a facade, a store or a page, which would let it fetch its own facts.
     */
    static final ArchRule RULES_SEE_ONLY_VALUES = classes().that().resideInAPackage("org.venula..rules..")
            .and().doNotHaveSimpleName("package-info")
            .should(dependOnlyOnValuesAndOtherRules())
            .because("the caller gathers the facts; a rule that can reach a facade can read the database");

    /**
     * Refusals are values until the web edge: only {@code shared.web} turns them into HTTP problems. No facade, rule
     * or controller builds a problem (a {@code ProblemException}, a {@code ProblemDetail}, a status exception).
     */
    static final ArchRule PROBLEMS_ARE_SHAPED_ONLY_AT_THE_EDGE = noClasses().that()
            .resideOutsideOfPackage("org.venula.shared.web..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("ProblemException")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.http.ProblemDetail")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.ErrorResponseException")
            .orShould().dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.web.server.ResponseStatusException")
            .because("a rule returns a refusal value, a facade raises RefusedException, and ApiProblemHandler alone "
                    + "decides the status and the problem+json shape");

    /** Facades decide; they do not speak HTTP. */
    static final ArchRule FACADES_DO_NOT_SPEAK_HTTP = noClasses().that().resideInAnyPackage("org.venula.(*)")
            .and().resideOutsideOfPackages("org.venula.shared..", "org.venula.chart..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.http..")
            .because("status codes and headers belong to the controllers in internal");

    static final ArchRule RULES_DO_NOT_READ_THE_CLOCK = noClasses().that().resideInAPackage("org.venula..rules..")
            .should().dependOnClassesThat().areAssignableTo(Clock.class)
            .because("the caller passes today's date");

    /** A controller renders pages or answers JSON, and says which, so page-only work never runs for an API call. */
    static final ArchRule CONTROLLERS_SAY_PAGE_OR_JSON = noClasses().that().areNotAnnotations()
            .should().beAnnotatedWith(org.springframework.stereotype.Controller.class)
            .because("a page controller is @PageController (the page model and page errors apply to it) and a JSON "
                    + "one @RestController");

    @Test
    void controllersSayWhetherTheyRenderPagesOrJson() {
        CONTROLLERS_SAY_PAGE_OR_JSON.check(VENULA);
    }

    @Test
    void capabilitiesFormNoCycle() {
        CAPABILITIES_FORM_NO_CYCLE.check(VENULA);
    }

    @Test
    void noCapabilityReachesIntoAnothersInternals() {
        NO_CAPABILITY_REACHES_INTO_ANOTHERS_INTERNALS.check(VENULA);
    }

    @Test
    void clinicalRulesArePlainJava() {
        RULES_ARE_PLAIN_JAVA.check(VENULA);
        RULES_DO_NOT_READ_THE_CLOCK.check(VENULA);
    }

    @Test
    void rulesSeeOnlyValues() {
        RULES_SEE_ONLY_VALUES.check(VENULA);
    }

    @Test
    void problemsAreShapedOnlyAtTheEdge() {
        PROBLEMS_ARE_SHAPED_ONLY_AT_THE_EDGE.check(VENULA);
        FACADES_DO_NOT_SPEAK_HTTP.check(VENULA);
    }

    @Test
    void aRuleClassThatCallsAFacadeFailsTheBuild() {
        JavaClasses offending = new ClassFileImporter().importClasses(RuleThatCallsAFacade.class);
        assertThatThrownBy(() -> RULES_SEE_ONLY_VALUES.check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.venula.protocol.Protocols");
    }

    @Test
    void aControllerThatThrowsAProblemExceptionFailsTheBuild() {
        JavaClasses offending = new ClassFileImporter().importClasses(ControllerThatThrowsProblem.class,
                ControllerThatThrowsProblem.ProblemException.class);
        assertThatThrownBy(() -> PROBLEMS_ARE_SHAPED_ONLY_AT_THE_EDGE.check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ProblemException");
    }

    @Test
    void aRuleClassThatImportsSpringFailsTheBuild() {
        JavaClasses offending = new ClassFileImporter().importClasses(RuleThatUsesSpring.class);
        assertThatThrownBy(() -> RULES_ARE_PLAIN_JAVA.check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.springframework");
    }

    @Test
    void aClassThatUsesAnotherCapabilitysInternalsFailsTheBuild() {
        JavaClasses offending = new ClassFileImporter().importClasses(ReachesIntoPatientInternals.class);
        assertThatThrownBy(() -> NO_CAPABILITY_REACHES_INTO_ANOTHERS_INTERNALS.check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.venula.patient.internal.PatientSearch");
    }

    @Test
    void aRuleClassThatReadsTheClockFailsTheBuild() {
        JavaClasses offending = new ClassFileImporter().importClasses(RuleThatReadsTheClock.class);
        assertThatThrownBy(() -> RULES_DO_NOT_READ_THE_CLOCK.check(offending))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.time.Clock");
    }

    private static ArchCondition<JavaClass> dependOnlyOnValuesAndOtherRules() {
        return new ArchCondition<>("depend only on values (records, enums, shared types) and other rules") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    String pkg = target.getPackageName();
                    boolean venula = pkg.equals("org.venula") || pkg.startsWith("org.venula.");
                    boolean allowed = !venula || pkg.contains(".rules") || pkg.equals("org.venula.shared")
                            || target.isRecord() || target.isEnum() || isInsideAValue(target);
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(item, d.getDescription()));
                    }
                }
            }
        };
    }

    /** A type nested in a record or enum (the protocol document's sections) is part of that value. */
    private static boolean isInsideAValue(JavaClass type) {
        return type.getEnclosingClass().map(e -> e.isRecord() || e.isEnum() || isInsideAValue(e)).orElse(false);
    }

    private static ArchCondition<JavaClass> reachIntoAnotherCapabilitysInternals() {
        Pattern capability = Pattern.compile("org\\.venula\\.([a-z]+)(\\..*)?");
        Pattern internal = Pattern.compile("org\\.venula\\.([a-z]+)\\.internal(\\..*)?");
        return new ArchCondition<>("reach into another capability's internal package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Matcher own = capability.matcher(item.getPackageName());
                String ownCapability = own.matches() ? own.group(1) : "";
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    Matcher target = internal.matcher(d.getTargetClass().getPackageName());
                    if (target.matches() && !target.group(1).equals(ownCapability)) {
                        events.add(SimpleConditionEvent.satisfied(item, d.getDescription()));
                    }
                }
            }
        };
    }
}
