package org.venula.accesslog;

import java.util.List;

/** One page of access-log entries, newest first. */
public record AccessLogPage(List<AccessEntry> items, int page, int size, long total) {
}
