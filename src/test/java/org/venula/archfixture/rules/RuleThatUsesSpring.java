package org.venula.archfixture.rules;

import org.springframework.util.StringUtils;

/** Deliberately breaks the plain-Java rule: ArchitectureTest shows that the build catches it. */
public final class RuleThatUsesSpring {

    private RuleThatUsesSpring() {
    }

    public static boolean answered(String answer) {
        return StringUtils.hasText(answer);
    }
}
