package org.venula.accesslog;

import java.util.List;

/**
 * One page of access-log entries, newest first. The total is counted up to 10,000; {@code totalCapped} says that more
 * match (narrow the period or the user to count them).
 */
public record AccessLogPage(List<AccessEntry> items, int page, int size, long total, boolean totalCapped) {
}
