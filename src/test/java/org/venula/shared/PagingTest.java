package org.venula.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;

/** Paging the waiting list and the recall list: page from 0, size 1 to 200, 50 when left out. */
class PagingTest {

    @ParameterizedTest(name = "page {0}, size {1}: reads {3} rows from {2}")
    @CsvSource(textBlock = """
             ,    , 0,   51
            0,    , 0,   51
            2,    , 100, 51
            0,   1, 0,   2
            3,  200, 600, 201
            """)
    void aPageReadsOneRowMoreThanItShows(Integer page, Integer size, long offset, int limit) {
        Paging paging = Paging.of(page, size);
        assertThat(paging.offset()).isEqualTo(offset);
        assertThat(paging.limit()).isEqualTo(limit);
    }

    @ParameterizedTest(name = "page {0}, size {1}: 422 naming {2}")
    @CsvSource(textBlock = """
            -1,     , page
             0,    0, size
             0,  201, size
             0,   -5, size
            """)
    void aPageOutOfRangeIsRefusedNamingTheParameter(Integer page, Integer size, String field) {
        assertThatThrownBy(() -> Paging.of(page, size)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field));
    }

    @ParameterizedTest(name = "size {0}, {1} rows read: {2} shown, more {3}")
    @CsvSource(textBlock = """
            50,  0,  0,  false
            50, 50, 50,  false
            50, 51, 50,  true
             1,  2,  1,  true
            """)
    void moreFollowsOnlyWhenTheStoreReadPastThePage(int size, int read, int shown, boolean more) {
        Paging.Paged<Integer> page = Paging.of(0, size).of(IntStream.range(0, read).boxed().toList());
        assertThat(page.items()).hasSize(shown);
        assertThat(page.more()).isEqualTo(more);
        assertThat(page.items()).isEqualTo(IntStream.range(0, shown).boxed().toList());
    }

    @ParameterizedTest
    @CsvSource({"0", "3"})
    void aPageSaysWhichItIs(int number) {
        Paging.Paged<String> page = Paging.of(number, 10).of(List.of("a"));
        assertThat(page.page()).isEqualTo(number);
        assertThat(page.size()).isEqualTo(10);
    }
}
