package org.venula.patient.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a receptionist's name search asks for, as the ranked prefixes a store looks up in two ordered keys of each
 * patient: the family-first key ({@code "smith mary ann"}) and the given-first key ({@code "mary ann smith"}), both
 * lower case without apostrophes ({@link #key}). The store reads each prefix as a range of one index, so the work
 * grows with the page, never with the number of patients.
 *
 * <p>Ranks, best first:
 * <ol>
 *   <li>{@link Rank#EXACT_SURNAME}: the surname is exactly the words given (or some of them, in order) and the
 *       given name begins with the rest: "smith" finds Smith before Smithson; "john smith" finds John Smith.</li>
 *   <li>{@link Rank#SURNAME_PREFIX}: the surname begins with the words and the given name with the rest: "smi"
 *       finds Smith and Smithson; "jo smi" finds John Smithson.</li>
 *   <li>{@link Rank#GIVEN_NAME}, for a single word: the given name begins with it: "smith" finds Smith Jones (a
 *       given name), after every surname match.</li>
 * </ol>
 * Within a rank, surname then given name (the given name first for {@link Rank#GIVEN_NAME}), then the record's id,
 * so a page is the same on every run and on either database. At most {@value #MAX_WORDS} words are read. A look-up
 * reads the range of the key that begins with the longer word typed; its cost is bounded by that range and by the
 * page, so the rare query of two single letters ("s q") costs the most.
 */
public record NameSearch(List<Prefix> prefixes) {

    private static final Pattern WHITE_SPACE = Pattern.compile("[ \\t\\n\\r\\f]+");
    private static final Pattern EDGE_SPACES = Pattern.compile("^ +| +$");

    public static final int MAX_WORDS = 4;

    /** How long the first word of a surname of several words, each typed in part, must be to be looked up. */
    static final int MULTI_WORD_SURNAME_PREFIX = 3;

    /** How well a patient matches; lower is better. */
    public enum Rank {
        EXACT_SURNAME, SURNAME_PREFIX, GIVEN_NAME
    }

    /** Which of a patient's two keys a prefix is looked up in. */
    public enum Key {
        FAMILY_FIRST, GIVEN_FIRST
    }

    /**
     * One look-up: patients whose {@code key} matches {@code like} (an SQL LIKE pattern, {@code \} as its escape),
     * ranked {@code rank}, in order of the family-first key (the given-first key for {@link Rank#GIVEN_NAME}).
     * Every match lies in the range from {@code from} (the pattern's literal start) up to but not including
     * {@code before} (no upper bound when null): the range an index reads, whatever plan the database picks.
     */
    public record Prefix(Rank rank, Key key, String like, String from, String before) {

        Prefix(Rank rank, Key key, String like) {
            this(rank, key, like, literalStart(like), next(literalStart(like)));
        }
    }

    /** A patient's key from their names: lower case, apostrophes removed, single spaces. */
    public static String key(String first, String second) {
        return normalise(first) + " " + normalise(second);
    }

    /** The look-ups for a query of words (blank: none, meaning every patient in name order). */
    public static NameSearch of(String query) {
        List<String> words = words(query);
        Set<Prefix> out = new LinkedHashSet<>();
        int n = words.size();
        for (int from = 0; from < n; from++) {
            for (int to = from + 1; to <= n; to++) {
                List<String> surname = words.subList(from, to);
                List<String> rest = new ArrayList<>(words.subList(0, from));
                rest.addAll(words.subList(to, n));
                String exact = escape(String.join(" ", surname)) + " ";
                out.add(new Prefix(Rank.EXACT_SURNAME, Key.FAMILY_FIRST,
                        rest.isEmpty() ? exact + "%" : exact + escape(String.join(" ", rest)) + "%"));
                if (rest.isEmpty() && n > 1 && surname.get(0).length() < MULTI_WORD_SURNAME_PREFIX) {
                    // A surname of several words, each typed in part ("d lac" for De Lacey), is looked up only when
                    // its first word has three letters or more ("van der b"): a shorter one would read every surname
                    // that begins with that letter. Typed whole ("de lacey"), it is found as an exact surname.
                    continue;
                }
                out.add(surnamePrefix(surname, rest));
            }
        }
        if (n == 1) {
            out.add(new Prefix(Rank.GIVEN_NAME, Key.GIVEN_FIRST, prefixes(words)));
        }
        return new NameSearch(List.copyOf(out));
    }

    /**
     * The surname begins with {@code surname}'s words and the given name with {@code rest}'s. Read from whichever key
     * begins with the longer word typed, the narrower range: "jo smi" as a surname Jo… and a given name Smi… reads
     * the given names from "smi", not every surname from "jo".
     */
    private static Prefix surnamePrefix(List<String> surname, List<String> rest) {
        if (!rest.isEmpty() && rest.get(0).length() > surname.get(0).length()) {
            return new Prefix(Rank.SURNAME_PREFIX, Key.GIVEN_FIRST, prefixes(rest) + " " + prefixes(surname));
        }
        return new Prefix(Rank.SURNAME_PREFIX, Key.FAMILY_FIRST,
                prefixes(surname) + (rest.isEmpty() ? "" : " " + prefixes(rest)));
    }

    /** The query's words as the keys hold them: at most {@value #MAX_WORDS}. */
    public static List<String> words(String query) {
        String q = normalise(query == null ? "" : query);
        if (q.isEmpty()) {
            return List.of();
        }
        List<String> words = List.of(q.split(" "));
        return words.size() > MAX_WORDS ? words.subList(0, MAX_WORDS) : words;
    }

    /** As the V30 generated columns: lower case, no apostrophes, runs of ASCII white space as one space, trimmed. */
    private static String normalise(String s) {
        String spaced = WHITE_SPACE.matcher(s.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", ""))
                .replaceAll(" ");
        return EDGE_SPACES.matcher(spaced).replaceAll("");
    }

    /** "smi% jo%": each word the start of one word of the key, in order. */
    private static String prefixes(List<String> words) {
        return String.join(" ", words.stream().map(w -> escape(w) + "%").toList());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The pattern up to its first wildcard, unescaped: what every match begins with. */
    private static String literalStart(String like) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                out.append(like.charAt(++i));
            } else if (c == '%' || c == '_') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A string after every string that begins with {@code start}, in both databases' orders (code points in
     * PostgreSQL's "C", UTF-16 units in H2's, which agree below U+D7FF): the start up to its first character from
     * U+D7FF on, with its last character moved on by one. Null when no such prefix is left: no upper bound.
     */
    private static String next(String start) {
        int cut = 0;
        while (cut < start.length() && start.charAt(cut) < '\uD7FF') {
            cut++;
        }
        if (cut == 0) {
            return null;
        }
        return start.substring(0, cut - 1) + (char) (start.charAt(cut - 1) + 1);
    }
}
