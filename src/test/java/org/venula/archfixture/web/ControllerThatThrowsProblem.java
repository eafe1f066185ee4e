package org.venula.archfixture.web;

/**
 * Deliberately shapes a refusal as HTTP outside the edge (the pattern issue 15 removed): ArchitectureTest shows the
 * build catches it. Not annotated as a controller, so that the test application never serves it.
 */
public class ControllerThatThrowsProblem {

    /** The old shape: a status, a type and members, built where the decision is made. */
    public static class ProblemException extends RuntimeException {

        public ProblemException(int status, String type, String detail) {
            super(type + ": " + detail + " (" + status + ")");
        }
    }

    void refuse() {
        throw new ProblemException(422, "pathway-rule", "Consultation first");
    }
}
