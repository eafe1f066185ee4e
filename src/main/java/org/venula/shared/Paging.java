package org.venula.shared;

import java.util.ArrayList;
import java.util.List;


/**
 * Which page of a list to show: {@code page} counts from 0 and {@code size} is 1 to {@value #MAX_SIZE}, as the
 * patient search counts them; {@value #DEFAULT_SIZE} a page when left out. A store reads one row more than the page
 * ({@link #limit()}) to know whether there is a next one. The waiting list and the recall list page this way.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static final Paging FIRST = new Paging(0, DEFAULT_SIZE);

    /** The page asked for; a page below 0 or a size outside 1..200 is refused (422) naming the parameter. */
    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        List<FieldProblem> problems = new ArrayList<>();
        if (p < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Paging(p, s);
    }

    /** The rows to read: the page and one more. */
    public int limit() {
        return size + 1;
    }

    public long offset() {
        return (long) page * size;
    }

    /** The page of what a store read with {@link #limit()} and {@link #offset()}. */
    public <T> Paged<T> of(List<T> read) {
        return new Paged<>(read.size() > size ? List.copyOf(read.subList(0, size)) : read, page, size,
                read.size() > size);
    }

    /** One page of a list, and whether another follows. */
    public record Paged<T>(List<T> items, int page, int size, boolean more) {
    }
}
