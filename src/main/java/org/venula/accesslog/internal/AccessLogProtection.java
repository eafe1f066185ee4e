package org.venula.accesslog.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the database itself keeps the access log from being changed by the role Venula serves requests with. On
 * PostgreSQL that holds when the runtime role neither owns the log nor is a superuser, and may not update, delete or
 * truncate it (migrations run as a separate owner role: see the README). With {@code venula.production=true} Venula
 * refuses to start when it does not hold; otherwise it warns. On H2 there are no such roles: the hash chain still
 * shows tampering, but nothing prevents it.
 */
@Component
public class AccessLogProtection implements SmartInitializingSingleton {

    /** What protects the access log here, in a sentence an administrator can act on. */
    public record Report(boolean enforcedByDatabase, String summary) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccessLogProtection.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final boolean production;

    AccessLogProtection(DataSource dataSource, JdbcClient jdbc, @Value("${venula.production:false}") boolean production) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.production = production;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Report report = report();
        if (report.enforcedByDatabase()) {
            log.info("Access log: {}", report.summary());
        } else if (production) {
            throw new IllegalStateException("Refusing to start in production: " + report.summary());
        } else {
            log.warn("Access log: {}", report.summary());
        }
    }

    public Report report() {
        if (!isPostgresql()) {
            return new Report(false, "the embedded database has no separate roles, so anyone with the database file "
                    + "could change the log; the hash chain shows that it was changed. Use PostgreSQL with a separate "
                    + "runtime role for a clinic's records.");
        }
        Boolean superuser = jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single();
        Boolean owner = jdbc.sql("SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'access_log'")
                .query(Boolean.class).optional().orElse(false);
        Boolean mayChange = jdbc.sql("""
                SELECT has_table_privilege('access_log', 'UPDATE') OR has_table_privilege('access_log', 'DELETE')
                    OR has_table_privilege('access_log', 'TRUNCATE')
                    OR has_table_privilege('access_log_seal', 'UPDATE')
                    OR has_table_privilege('access_log_seal', 'DELETE')
                    OR has_table_privilege('access_log_seal', 'TRUNCATE')""").query(Boolean.class).single();
        if (Boolean.TRUE.equals(superuser) || Boolean.TRUE.equals(owner) || Boolean.TRUE.equals(mayChange)) {
            return new Report(false, "Venula's database role "
                    + (Boolean.TRUE.equals(superuser) ? "is a superuser" : Boolean.TRUE.equals(owner)
                    ? "owns the access log" : "may update, delete or truncate the access log")
                    + ", so it could alter or empty the log. Run migrations as a separate owner role "
                    + "(SPRING_FLYWAY_USER) and serve with a role that may only read and append (README: "
                    + "'The access log on PostgreSQL').");
        }
        return new Report(true, "the database refuses any change to the access log from Venula's runtime role; "
                + "the hash chain shows any change made by its owner.");
    }

    private boolean isPostgresql() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's kind", e);
        }
    }
}
