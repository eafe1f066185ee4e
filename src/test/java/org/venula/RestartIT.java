package org.venula;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.venula.support.Api;

/**
 * Venula as a new user starts it: on the embedded H2 file database under VENULA_DATA_DIR, with the first-start
 * administrator and the demo clinic, and again after a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIT {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    @Test
    void dataSurvivesARestartAndTheDemoIsLoadedOnlyOnce(@TempDir Path dataDir, CapturedOutput output) {
        String password;
        long patientId;
        long demoPatients;
        try (ConfigurableApplicationContext app = start(dataDir, true)) {
            Matcher m = PASSWORD.matcher(output.getOut());
            assertThat(m.find()).as("the generated administrator password is printed once").isTrue();
            password = m.group(1);
            Api admin = Api.as(port(app), "admin", password);
            // A dozen described patients, and generated history behind the outcome audit.
            demoPatients = admin.get("/api/patients").json().get("totalItems").asLong();
            assertThat(demoPatients).isGreaterThan(12);
            assertThat(admin.get("/api/practitioners").json().size()).isEqualTo(3);
            var audit = admin.get("/api/audit/outcomes").json();
            assertThat(audit.get("sessions").asInt()).isGreaterThan(200);
            assertThat(audit.get("practitioners").size()).isEqualTo(3);
            assertThat(audit.get("medianClearanceCourseEnd").isNull()).isFalse();
            long joanne = admin.get("/api/patients?query=mcallister").json().get("items").get(0).get("id").asLong();
            var screenings = admin.get("/api/patients/" + joanne + "/screenings").json();
            assertThat(screenings.get(0).get("outcome").asString()).as("demo screening").isEqualTo("DEFER");
            patientId = admin.post("/api/patients", ApiFixture.patient("Persistent", Map.of())).id();
        }
        int printed = output.getOut().split("This password is shown once").length;

        try (ConfigurableApplicationContext app = start(dataDir, true)) {
            Api admin = Api.as(port(app), "admin", password);
            assertThat(admin.get("/api/patients/" + patientId).json().get("familyName").asString())
                    .isEqualTo("Persistent");
            assertThat(admin.get("/api/patients?query=persistent").json().get("totalItems").asLong()).isEqualTo(1);
            assertThat(admin.get("/api/patients").json().get("totalItems").asLong()).isEqualTo(demoPatients + 1);
        }
        assertThat(output.getOut().split("This password is shown once").length).isEqualTo(printed);
    }

    @Test
    void demoDataIsNeverLoadedIntoADatabaseThatHoldsRealRecords(@TempDir Path dataDir, CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext app = start(dataDir, false)) {
            Matcher m = PASSWORD.matcher(output.getOut());
            assertThat(m.find()).isTrue();
            password = m.group(1);
            Api.as(port(app), "admin", password).post("/api/patients", ApiFixture.patient("Real", Map.of()));
        }
        try (ConfigurableApplicationContext app = start(dataDir, true)) {
            Api admin = Api.as(port(app), "admin", password);
            assertThat(admin.get("/api/patients").json().get("totalItems").asLong()).isEqualTo(1);
        }
        assertThat(output.getOut()).contains("Demo data not loaded");
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean demo) {
        return new SpringApplicationBuilder(VenulaApplication.class).run(
                "--server.port=0",
                "--venula.data-dir=" + dataDir.toAbsolutePath(),
                "--venula.demo=" + demo,
                "--venula.admin.password=",
                "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
