package dev.tobira.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Tobira server: the Cognito Identity Provider API on one port. */
@SpringBootApplication
public class TobiraApplication {
    public static void main(String[] args) {
        SpringApplication.run(TobiraApplication.class, args);
    }
}
