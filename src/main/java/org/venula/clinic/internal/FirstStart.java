package org.venula.clinic.internal;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.venula.clinic.Clinics;

/**
 * On an empty database, creates the clinic and its administrator. The password comes from
 * {@code VENULA_ADMIN_PASSWORD}; when that is unset a random one is generated and printed to the log once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final Clinics clinics;
    private final String adminUsername;
    private final String adminPassword;
    private final String clinicName;
    private final String timeZone;
    private final boolean demo;

    FirstStart(Clinics clinics, @Value("${venula.admin.username}") String adminUsername,
            @Value("${venula.admin.password:}") String adminPassword, @Value("${venula.clinic.name}") String clinicName,
            @Value("${venula.clinic.time-zone}") String timeZone, @Value("${venula.demo:false}") boolean demo) {
        this.clinics = clinics;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.clinicName = clinicName;
        this.timeZone = timeZone;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (clinics.anyClinic()) {
            return;
        }
        boolean generated = adminPassword == null || adminPassword.isBlank();
        String password = generated ? randomPassword() : adminPassword;
        clinics.createClinic(clinicName, ZoneId.of(timeZone), demo, adminUsername, password, "system");
        if (generated) {
            log.warn("""

                    ************************************************************
                    Venula created the clinic '{}' and its administrator.
                      username: {}
                      password: {}
                    This password is shown once. Set VENULA_ADMIN_PASSWORD to choose it yourself.
                    ************************************************************""", clinicName, adminUsername, password);
        } else {
            log.info("Venula created the clinic '{}' with administrator '{}'.", clinicName, adminUsername);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
