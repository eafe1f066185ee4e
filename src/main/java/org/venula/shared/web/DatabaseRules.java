package org.venula.shared.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;

/** Names the database rule (constraint) behind a refused write, as PostgreSQL and H2 report it. */
final class DatabaseRules {

    private static final Pattern QUOTED = Pattern.compile("constraint \"?([A-Za-z0-9_]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern H2 = Pattern.compile("violation: \"(?:PUBLIC\\.)?([A-Za-z0-9_]+)");

    private DatabaseRules() {
    }

    static String name(DataAccessException ex) {
        String message = String.valueOf(ex.getMostSpecificCause().getMessage());
        for (Pattern p : new Pattern[] {H2, QUOTED}) { // H2's message also says "constraint violation"
            Matcher m = p.matcher(message);
            if (m.find()) {
                return m.group(1).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "a database rule";
    }
}
