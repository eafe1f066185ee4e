package org.venula.shared;

/**
 * The credentials given sign nobody in (a wrong, used or expired portal code): 401, said alike whatever the
 * reason, so that it tells nothing about the account.
 */
public class NotSignedInException extends RuntimeException {

    public NotSignedInException(String detail) {
        super(detail);
    }
}
