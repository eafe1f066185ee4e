package org.venula.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class ApiProblemHandlerTest {

    private final ApiProblemHandler handler = new ApiProblemHandler();

    @Test
    void noFreeDatabaseConnectionIsAnOverloadToRetryNotAFailure() {
        for (RuntimeException e : new RuntimeException[] {
            new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
            new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))}) {
            ResponseEntity<Object> answer = handler.overloaded((org.springframework.core.NestedRuntimeException) e);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
            ProblemDetail body = (ProblemDetail) answer.getBody();
            assertThat(body.getType().toString()).endsWith("/overloaded");
            assertThat(body.getDetail()).contains("nothing was stored");
        }
    }
}
