package org.venula.patient.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.patient.rules.NameSearch.Key;
import org.venula.patient.rules.NameSearch.Prefix;
import org.venula.patient.rules.NameSearch.Rank;

class NameSearchTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # the query        | the look-ups, best rank first (rank key pattern)
            smith              | EXACT_SURNAME FAMILY_FIRST 'smith %'; SURNAME_PREFIX FAMILY_FIRST 'smith%'; GIVEN_NAME GIVEN_FIRST 'smith%'
            SMITH              | EXACT_SURNAME FAMILY_FIRST 'smith %'; SURNAME_PREFIX FAMILY_FIRST 'smith%'; GIVEN_NAME GIVEN_FIRST 'smith%'
            '  Smith  '        | EXACT_SURNAME FAMILY_FIRST 'smith %'; SURNAME_PREFIX FAMILY_FIRST 'smith%'; GIVEN_NAME GIVEN_FIRST 'smith%'
            O'Brien            | EXACT_SURNAME FAMILY_FIRST 'obrien %'; SURNAME_PREFIX FAMILY_FIRST 'obrien%'; GIVEN_NAME GIVEN_FIRST 'obrien%'
            O’Brien            | EXACT_SURNAME FAMILY_FIRST 'obrien %'; SURNAME_PREFIX FAMILY_FIRST 'obrien%'; GIVEN_NAME GIVEN_FIRST 'obrien%'
            john smith         | EXACT_SURNAME FAMILY_FIRST 'john smith%'; SURNAME_PREFIX GIVEN_FIRST 'smith% john%'; EXACT_SURNAME FAMILY_FIRST 'john smith %'; SURNAME_PREFIX FAMILY_FIRST 'john% smith%'; EXACT_SURNAME FAMILY_FIRST 'smith john%'; SURNAME_PREFIX FAMILY_FIRST 'smith% john%'
            d lacey            | EXACT_SURNAME FAMILY_FIRST 'd lacey%'; SURNAME_PREFIX GIVEN_FIRST 'lacey% d%'; EXACT_SURNAME FAMILY_FIRST 'd lacey %'; EXACT_SURNAME FAMILY_FIRST 'lacey d%'; SURNAME_PREFIX FAMILY_FIRST 'lacey% d%'
            van der b          | EXACT_SURNAME FAMILY_FIRST 'van der b%'; SURNAME_PREFIX FAMILY_FIRST 'van% der% b%'; EXACT_SURNAME FAMILY_FIRST 'van der b %'; EXACT_SURNAME FAMILY_FIRST 'der van b%'; SURNAME_PREFIX FAMILY_FIRST 'der% van% b%'; EXACT_SURNAME FAMILY_FIRST 'der b van%'; SURNAME_PREFIX FAMILY_FIRST 'der% b% van%'; EXACT_SURNAME FAMILY_FIRST 'b van der%'; SURNAME_PREFIX GIVEN_FIRST 'van% der% b%'
            ''''               | 
            ' '' ’ '           | 
            50%                | EXACT_SURNAME FAMILY_FIRST '50\\% %'; SURNAME_PREFIX FAMILY_FIRST '50\\%%'; GIVEN_NAME GIVEN_FIRST '50\\%%'
            a_b                | EXACT_SURNAME FAMILY_FIRST 'a\\_b %'; SURNAME_PREFIX FAMILY_FIRST 'a\\_b%'; GIVEN_NAME GIVEN_FIRST 'a\\_b%'
            """)
    void aQueryIsLookedUpAsRankedPrefixes(String query, String expected) {
        expected = expected == null ? "" : expected;
        List<String> lookUps = NameSearch.of(query).prefixes().stream()
                .map(p -> p.rank() + " " + p.key() + " '" + p.like() + "'").toList();
        assertThat(String.join("; ", lookUps)).isEqualTo(expected.replace("\\\\", "\\"));
    }

    @ParameterizedTest(name = "{0} reads [{1}, {2})")
    @CsvSource(delimiter = '|', textBlock = """
            # the pattern       | from       | before
            smith %             | 'smith '   | 'smith!'
            smith%              | smith      | smiti
            smi% jo%            | smi        | smj
            50\\% %             | '50% '     | '50%!'
            """)
    void eachLookUpIsOneRangeOfItsKey(String like, String from, String before) {
        Prefix p = new Prefix(Rank.SURNAME_PREFIX, Key.FAMILY_FIRST, like.replace("\\\\", "\\"));
        assertThat(p.from()).isEqualTo(from);
        assertThat(p.before()).isEqualTo(before);
    }

    @Test
    void aRangeNeverEndsInASurrogateOrPastTheLastCodePoint() {
        assertThat(new Prefix(Rank.SURNAME_PREFIX, Key.FAMILY_FIRST, "a\uD7FFb%").before()).isEqualTo("b");
        assertThat(new Prefix(Rank.SURNAME_PREFIX, Key.FAMILY_FIRST, "\uD83D\uDE00%").before()).isNull();
        assertThat(new Prefix(Rank.SURNAME_PREFIX, Key.FAMILY_FIRST, "\uDBFF\uDFFF%").before()).isNull();
        assertThat(new Prefix(Rank.SURNAME_PREFIX, Key.FAMILY_FIRST, "z\uFFFF%").before()).isEqualTo("{");
    }

    @ParameterizedTest(name = "\"{0}\" has no look-up")
    @CsvSource(value = {"''", "'   '"})
    void aBlankQueryListsEveryPatientInNameOrder(String query) {
        assertThat(NameSearch.of(query).prefixes()).isEmpty();
    }

    @Test
    void atMostFourWordsAreRead() {
        assertThat(NameSearch.words("a b c d e f")).containsExactly("a", "b", "c", "d");
        // Ten ways to split four words into a surname and the rest, exact or not; the prefix look-ups that begin
        // with the same word read alike and are read once.
        assertThat(NameSearch.of("a b c d e f").prefixes()).hasSize(15);
    }

    @Test
    void aPatientsKeyIsTheirNamesInLowerCaseWithoutApostrophes() {
        assertThat(NameSearch.key("O'Brien", "Mary  Ann")).isEqualTo("obrien mary ann");
        assertThat(NameSearch.key(" D’Arcy ", "Seán")).isEqualTo("darcy seán");
    }
}
