package org.venula.support;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM (zonky embedded binaries: no Docker, no installed server).
 * Each caller gets its own fresh database on it.
 */
public final class EmbeddedPostgresDatabase {

    private static EmbeddedPostgres server;
    private static int databases;

    private EmbeddedPostgresDatabase() {
    }

    /** A new database owned by its own migration role, served by a runtime role that may only read and write rows. */
    public record WithRoles(String url, String owner, String runtime) {
    }

    /**
     * A new, empty database set up as the README asks for production: {@code owner} owns it and runs the migrations;
     * {@code runtime} gets, through default privileges, only SELECT, INSERT, UPDATE and DELETE on the tables the
     * owner creates (Venula's afterMigrate callback then narrows the access log to SELECT and INSERT).
     */
    public static synchronized WithRoles newDatabaseWithRoles() {
        String url = newDatabaseUrl();
        String name = "venula_" + databases;
        String owner = name + "_owner";
        String runtime = name + "_app";
        try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE ROLE " + owner + " LOGIN");
            s.execute("CREATE ROLE " + runtime + " LOGIN");
            s.execute("ALTER DATABASE " + name + " OWNER TO " + owner);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the roles", e);
        }
        try (var c = server.getDatabase("postgres", name).getConnection(); var s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + owner);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + runtime);
            s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public "
                    + "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + runtime);
            s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public "
                    + "GRANT USAGE, SELECT ON SEQUENCES TO " + runtime);
        } catch (Exception e) {
            throw new IllegalStateException("Could not grant the roles", e);
        }
        return new WithRoles(url.replaceAll("[?&]user=[^&]*", ""), owner, runtime);
    }

    /** A JDBC URL of a new, empty database. */
    public static synchronized String newDatabaseUrl() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the JVM is exiting anyway
                    }
                }));
            }
            String name = "venula_" + (++databases);
            try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
    }
}
