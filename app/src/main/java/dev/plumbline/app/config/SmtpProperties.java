package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Locale;

/**
 * The SMTP server e-mail notifications go through: plumbline.smtp.* (environment PLUMBLINE_SMTP_HOST,
 * PLUMBLINE_SMTP_PORT, PLUMBLINE_SMTP_USERNAME, PLUMBLINE_SMTP_PASSWORD, PLUMBLINE_SMTP_FROM, PLUMBLINE_SMTP_STARTTLS,
 * PLUMBLINE_SMTP_SSL, PLUMBLINE_SMTP_TIMEOUT). The password comes from a Secret through the environment and is never
 * printed.
 *
 * @param host     the server; empty: no e-mail is sent (an e-mail notification fails, saying so)
 * @param port     its port (587 for submission with STARTTLS, 465 with ssl, 25 for a relay)
 * @param username the account, or empty for a relay without authentication
 * @param password the account's password
 * @param from     the sender address of every notification
 * @param starttls required (refuse a server without it), optional (use it when offered) or off
 * @param ssl      connect with TLS from the start (port 465) instead of STARTTLS
 * @param timeout  connect, read and write timeout
 */
@ConfigurationProperties(SmtpProperties.PREFIX)
public record SmtpProperties(@Nullable String host,
                             @Bindable(defaultValue = "587") int port,
                             @Nullable String username,
                             @Nullable String password,
                             @Nullable String from,
                             @Bindable(defaultValue = "required") String starttls,
                             @Bindable(defaultValue = "false") boolean ssl,
                             @Bindable(defaultValue = "10s") Duration timeout) {

    public static final String PREFIX = "plumbline.smtp";

    /** How STARTTLS is used. */
    public enum StartTls { REQUIRED, OPTIONAL, OFF }

    public SmtpProperties {
        host = blankToNull(host);
        username = blankToNull(username);
        from = blankToNull(from);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(PREFIX + ".port: must be 1 to 65535, was " + port);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".timeout: must be positive, was " + timeout);
        }
        startTls(starttls);
        if (host != null && from == null) {
            throw new IllegalArgumentException(PREFIX + ".from: required when " + PREFIX + ".host is set");
        }
    }

    /** Whether an SMTP server is configured. */
    public boolean configured() {
        return host != null;
    }

    public StartTls startTls() {
        return startTls(starttls);
    }

    private static StartTls startTls(String value) {
        try {
            return StartTls.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + ".starttls: must be required, optional or off, was '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {   // never the password
        return "SmtpProperties[" + host + ":" + port + " user " + username + " from " + from + " starttls " + starttls
                + (ssl ? " ssl" : "") + " password " + (password == null || password.isEmpty() ? "unset" : "set") + "]";
    }
}
