package org.venula.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sends due reminders from the outbox. ShedLock (a lock row in the database) lets one Venula instance at a time run
 * this, so several instances never send the same reminder twice. A failed send is retried with doubling back-off;
 * its state and last error stay visible. With no SMTP server configured, reminders go to the local outbox page.
 */
@Component
@ConditionalOnProperty(name = "venula.reminders.enabled", havingValue = "true", matchIfMissing = true)
class ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);
    private static final String SENT_CODE_BODY = ReminderStore.SPENT_CODE_BODY;
    /** Longer than any sign-in code lives: a code message older than this holds nothing that still works. */
    private static final Duration CODE_MESSAGES_KEPT = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final ReminderStore store;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final Duration retryBase;
    private final String from;

    ReminderSender(JdbcClient jdbc, ReminderStore store, ObjectProvider<JavaMailSender> mail, Clock clock,
            @Value("${venula.reminders.retry-base:PT1M}") Duration retryBase,
            @Value("${venula.reminders.from:reminders@venula.invalid}") String from) {
        this.jdbc = jdbc;
        this.store = store;
        this.mail = mail;
        this.clock = clock;
        this.retryBase = retryBase;
        this.from = from;
    }

    private record Due(long id, String to, String subject, String body, String ics, int attempts, String kind) {
    }

    @Scheduled(fixedDelayString = "${venula.reminders.poll:PT10S}", initialDelayString = "${venula.reminders.poll:PT10S}")
    @SchedulerLock(name = "venula-reminders", lockAtMostFor = "PT5M", lockAtLeastFor = "PT0.2S")
    void sendDue() {
        Instant now = clock.instant();
        store.forgetCodesBefore(now.minus(CODE_MESSAGES_KEPT).atOffset(ZoneOffset.UTC));
        // An appointment cancelled, attended, missed or already begun has nothing left to remind of.
        jdbc.sql("""
                UPDATE reminder SET status = 'CANCELLED'
                WHERE status = 'PENDING' AND next_attempt_at <= :now AND EXISTS (SELECT 1 FROM appointment a
                  WHERE a.id = reminder.appointment_id AND (a.status <> 'BOOKED' OR a.start_at <= :now))""")
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
        List<Due> due = jdbc.sql("""
                SELECT id, recipient, subject, body, ics, attempts, kind FROM reminder
                WHERE status = 'PENDING' AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT 100""")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7)))
                .list();
        JavaMailSender sender = mail.getIfAvailable();
        for (Due d : due) {
            if (sender == null) {
                mark(d.id(), "LOCAL");
                continue;
            }
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(d.to());
                helper.setSubject(d.subject());
                helper.setText(d.body());
                if (d.ics() != null) {
                    helper.addAttachment("appointment.ics", new ByteArrayResource(d.ics().getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)), "text/calendar; charset=UTF-8");
                }
                sender.send(message);
                mark(d.id(), "SENT");
                if ("SIGN_IN_CODE".equals(d.kind())) {
                    // a code that has gone to the patient is not kept readable in the database
                    jdbc.sql("UPDATE reminder SET body = :b, code_live = FALSE WHERE id = :id")
                            .param("b", SENT_CODE_BODY).param("id", d.id()).update();
                }
            } catch (Exception e) {
                long factor = 1L << Math.min(d.attempts(), 6);
                Instant next = clock.instant().plus(retryBase.multipliedBy(factor));
                String error = String.valueOf(e.getMessage());
                jdbc.sql("""
                        UPDATE reminder SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                        WHERE id = :id AND status = 'PENDING'""")
                        .param("next", next.atOffset(ZoneOffset.UTC))
                        .param("error", error.length() > 1000 ? error.substring(0, 1000) : error).param("id", d.id())
                        .update();
                log.warn("Reminder {} not sent (attempt {}), retrying at {}: {}", d.id(), d.attempts() + 1, next, error);
            }
        }
    }

    private void mark(long id, String status) {
        jdbc.sql("UPDATE reminder SET status = :s, sent_at = :at, last_error = NULL WHERE id = :id AND status = 'PENDING'")
                .param("s", status).param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).update();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
    static class SchedulingConfiguration {

        @Bean
        LockProvider lockProvider(DataSource dataSource) {
            return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                    .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
        }
    }
}
