package org.venula;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.venula.clinic.Clinics;
import org.venula.demo.DemoHistory;
import org.venula.support.Api;

/**
 * The application the API scenarios run against, started once per database on a random port, with the first
 * start's administrator signed in afresh before each scenario. An integration test extends this and implements the
 * scenario interfaces it runs; the database is the test's own choice ({@code @DynamicPropertySource}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class RunningApplication implements ApiFixture {

    @LocalServerPort
    int port;

    @Autowired
    Clinics clinics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoHistory history;

    Api admin;

    @BeforeEach
    void signIn() {
        admin = Api.as(port, "admin", ADMIN_PASSWORD);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Clinics clinics() {
        return clinics;
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public Api admin() {
        return admin;
    }

    @Override
    public DemoHistory demoHistory() {
        return history;
    }
}
