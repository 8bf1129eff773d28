package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.SmtpSecurity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mail and SMS settings of the command line (the same names as TOBIRA_* environment variables). */
class DeliverySettingsTest {

    @Test
    void startWhenNoDeliverySettingsThenStartsWithNoTransport() {
        CommandRun run = CommandRun.start();
        assertThat(run.code()).isZero();
        Settings.Delivery delivery = run.settings().delivery();
        assertThat(delivery.usesSmtp() || delivery.usesSes() || delivery.usesSns()).isFalse();
        assertThat(delivery.smtpPort()).isEqualTo(587);
        assertThat(delivery.smtpSecurity()).isEqualTo(SmtpSecurity.STARTTLS);
    }

    @Test
    void startWhenSmtpOptionsGivenThenSettingsCarryThemAndSecurityIgnoresCase() {
        CommandRun run = CommandRun.start("--smtp-host", "smtp.example.com", "--smtp-security", "tls", "--smtp-username",
                "mailer", "--smtp-password", "pw", "--mail-from", "Tobira <no-reply@example.com>");
        assertThat(run.code()).isZero();
        Settings.Delivery delivery = run.settings().delivery();
        assertThat(delivery.smtpHost()).contains("smtp.example.com");
        assertThat(delivery.smtpSecurity()).isEqualTo(SmtpSecurity.TLS);
        assertThat(delivery.smtpPort()).as("TLS's port unless one is given").isEqualTo(465);
        assertThat(delivery.smtpUsername()).contains("mailer");
        assertThat(delivery.mailFrom()).contains("Tobira <no-reply@example.com>");
        assertThat(delivery.toString()).doesNotContain("pw,").contains("smtpPassword=***");
    }

    @Test
    void startWhenSesAndSnsGivenThenEmailBySesAndSmsBySns() {
        CommandRun run = CommandRun.start("--ses-region", "eu-west-1", "--ses-endpoint", "http://localhost:4566",
                "--sns-region", "eu-west-1", "--mail-from", "no-reply@example.com");
        Settings.Delivery delivery = run.settings().delivery();
        assertThat(delivery.usesSes()).isTrue();
        assertThat(delivery.sesEndpoint()).contains("http://localhost:4566");
        assertThat(delivery.usesSns()).isTrue();
        assertThat(delivery.snsEndpoint()).isEqualTo(Optional.empty());
    }

    @Test
    void startWhenSmtpHostWithoutMailFromThenRefusesAndNamesIt() {
        CommandRun run = CommandRun.start("--smtp-host", "smtp.example.com", "--smtp-username", "mailer");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.settings()).isNull();
        assertThat(run.err()).contains("TOBIRA_MAIL_FROM", "TOBIRA_SMTP_PASSWORD").doesNotContain("TOBIRA_DB_URL");
    }

    @Test
    void devWhenSesWithoutMailFromThenRefusesAndNamesIt() {
        CommandRun run = CommandRun.dev("--ses-region", "us-east-1");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("tobira dev: cannot start").contains("TOBIRA_MAIL_FROM");
    }

    @Test
    void startWhenSmtpSecurityUnknownThenRefused() {
        CommandRun run = CommandRun.start("--smtp-host", "smtp.example.com", "--mail-from", "a@example.com",
                "--smtp-security", "ssl3");
        assertThat(run.code()).isNotZero();
        assertThat(run.settings()).isNull();
        assertThat(run.err()).contains("--smtp-security");
    }
}
