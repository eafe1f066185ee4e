package org.venula.shared.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Delivers again the follow-on work whose listener failed (the aftercare plan or the follow-ups of a signed session),
 * on one Venula instance at a time. A publication that was recorded but never delivered because the process stopped
 * is marked failed after {@code spring.modulith.events.staleness.*} and so is retried too. Each retry is counted;
 * after {@code venula.events.max-attempts} a publication is left for an administrator, with its failure in the log.
 */
@Component
class FollowOnWorkRetry {

    private static final Logger log = LoggerFactory.getLogger(FollowOnWorkRetry.class);

    private final FailedEventPublications failed;
    private final int maxAttempts;

    FollowOnWorkRetry(FailedEventPublications failed, @Value("${venula.events.max-attempts:50}") int maxAttempts) {
        this.failed = failed;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${venula.events.retry-interval:PT1M}",
            initialDelayString = "${venula.events.retry-interval:PT1M}")
    @SchedulerLock(name = "venula-follow-on-work", lockAtMostFor = "PT5M")
    void retryFailed() {
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(100).withFilter(p -> {
            boolean retry = p.getCompletionAttempts() < maxAttempts;
            if (retry) {
                log.info("Retrying follow-on work {} for {} (attempt {})", p.getIdentifier(),
                        p.getEvent().getClass().getSimpleName(), p.getCompletionAttempts() + 1);
            }
            return retry;
        }));
    }
}
