package org.venula;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class VenulaApplication {

    public static void main(String[] args) {
        SpringApplication.run(VenulaApplication.class, args);
    }
}
