package org.venula.shared;

import java.time.Duration;

/**
 * Too many requests of one kind from one address or for one account in a short time (429, with {@code Retry-After});
 * nothing was done. Said alike whether or not the account exists.
 */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
