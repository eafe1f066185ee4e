package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.venula.support.Api;
import org.venula.support.EmbeddedPostgresDatabase;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two Venula instances on one PostgreSQL, each running the reminder sender, and a real SMTP server in-process
 * (GreenMail): each reminder reaches the server exactly once, and one booked while the server is down is retried
 * and delivered when it comes back.
 */
class RemindersIT {

    private static final String PASSWORD = "reminder-admin-password";
    private static final Duration POLL = Duration.ofMillis(300);

    @Test
    void aReminderReachesTheMailServerExactlyOnceAndSurvivesAnOutage(@TempDir Path dir) throws Exception {
        int smtpPort;
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        String url = EmbeddedPostgresDatabase.newDatabaseUrl();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (ConfigurableApplicationContext a = start(url, dir.resolve("a"), smtpPort);
                ConfigurableApplicationContext b = start(url, dir.resolve("b"), smtpPort)) {
            Api admin = Api.as(port(a), "admin", PASSWORD);
            long practitioner = admin.post("/api/users", Map.of("username", "remind-dr", "password",
                    "a-long-password-1", "displayName", "Dr Remind", "role", "CLINICIAN")).json()
                    .get("practitionerId").asLong();
            JsonNode doc = admin.get("/api/protocols/active").json();
            ((ObjectNode) doc.get("booking").get("reminderHours")).put("value", 1440);
            assertThat(admin.put("/api/protocols/active", doc).status()).isEqualTo(200);
            long patient = admin.post("/api/patients", ApiFixture.patient("Reminded",
                    Map.of("email", "reminded@example.org"))).id();
            LocalDateTime monday = ApiFixture.nextMonday().atTime(10, 0);

            assertThat(admin.post("/api/appointments", ApiFixture.booking(patient, practitioner, "CONSULTATION",
                    monday)).status()).isEqualTo(201);
            assertThat(mail.waitForIncomingEmail(20_000, 1)).isTrue();
            awaitTrue(() -> sent(admin, "reminded@example.org"));
            staysAtOne(mail);
            MimeMessage[] received = mail.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("reminded@example.org");
            String raw = GreenMailUtil.getWholeMessage(received[0]);
            assertThat(raw).contains("consultation", "Dr Remind", "BEGIN:VCALENDAR", "appointment.ics");

            // The mail server goes down; a second reminder waits, retried, with its error visible.
            mail.stop();
            long second = admin.post("/api/patients", ApiFixture.patient("Outage",
                    Map.of("email", "outage@example.org"))).id();
            assertThat(admin.post("/api/appointments", ApiFixture.booking(second, practitioner, "CONSULTATION",
                    monday.plusHours(2))).status()).isEqualTo(201);
            awaitTrue(() -> Arrays.stream(reminders(admin)).anyMatch(r -> r.get("recipient").asString()
                    .equals("outage@example.org") && r.get("attempts").asInt() >= 1
                    && "PENDING".equals(r.get("status").asString()) && !r.get("lastError").isNull()));

            GreenMail back = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            back.start();
            try {
                assertThat(back.waitForIncomingEmail(30_000, 1)).isTrue();
                awaitTrue(() -> sent(admin, "outage@example.org"));
                staysAtOne(back);
                assertThat(back.getReceivedMessages()).hasSize(1);
                assertThat(back.getReceivedMessages()[0].getAllRecipients()[0].toString())
                        .isEqualTo("outage@example.org");
                awaitTrue(() -> Arrays.stream(reminders(admin)).allMatch(r -> "SENT".equals(r.get("status").asString())));
            } finally {
                back.stop();
            }
        } finally {
            mail.stop();
        }
    }

    private static JsonNode[] reminders(Api admin) {
        JsonNode list = admin.get("/api/reminders").json();
        JsonNode[] out = new JsonNode[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** The reminder to this recipient is marked SENT: the sender that sent it has finished its run. */
    private static boolean sent(Api admin, String recipient) {
        return Arrays.stream(reminders(admin)).anyMatch(r -> r.get("recipient").asString().equals(recipient)
                && "SENT".equals(r.get("status").asString()));
    }

    /**
     * Once a reminder reads SENT no sender selects it again (they select PENDING rows, one instance at a time under
     * the scheduler lock); for several poll cycles of both instances the server still holds exactly one message.
     */
    private static void staysAtOne(GreenMail server) {
        await().during(POLL.multipliedBy(4)).atMost(POLL.multipliedBy(8)).pollInterval(POLL.dividedBy(3))
                .until(() -> server.getReceivedMessages().length == 1);
    }

    private static void awaitTrue(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    private static ConfigurableApplicationContext start(String url, Path dataDir, int smtpPort) {
        return new SpringApplicationBuilder(VenulaApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--venula.data-dir=" + dataDir.toAbsolutePath(),
                "--venula.demo=false",
                "--venula.admin.password=" + PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--venula.reminders.poll=" + POLL,
                "--venula.reminders.retry-base=PT0.5S",
                "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
