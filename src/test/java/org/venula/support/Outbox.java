package org.venula.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/** What the clinic's outbox holds, read as an administrator reads it (GET /api/reminders). */
public final class Outbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private Outbox() {
    }

    /** The six-digit code in the newest sign-in message to this address; fails the test when there is none. */
    public static String signInCode(Api admin, String email) {
        for (JsonNode m : admin.get("/api/reminders").json()) {
            if (m.get("recipient").asString().equals(email) && m.get("kind").asString().equals("SIGN_IN_CODE")) {
                Matcher code = CODE.matcher(m.get("body").asString());
                if (code.find()) {
                    return code.group(1);
                }
            }
        }
        throw new AssertionError("no sign-in code to " + email + " in the outbox");
    }
}
