package org.venula.shared.db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Running an {@code INSERT} of one row whose {@code id} the database generates. */
public final class Inserts {

    private Inserts() {
    }

    /** Runs the insert and answers the id the database gave the new row. */
    public static long id(JdbcClient.StatementSpec insert) {
        KeyHolder keys = new GeneratedKeyHolder();
        insert.update(keys, "id");
        return keys.getKeyAs(Long.class);
    }
}
