package dev.plumbline.dashboards;

import dev.plumbline.sql.StoreException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a page says when the store fails: a plain sentence with an error id. The store's own message (ClickHouse's
 * text, naming tables and the server) goes to the log only, in a line that carries the same id.
 */
public final class StoreFailure {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFailure.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreFailure() {
    }

    /**
     * Logs the failure under a new error id and returns the page's sentence for it.
     *
     * @param what what cannot be shown, e.g. "The ranking cannot be computed"
     */
    public static String describe(String what, StoreException e) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        LOG.error("error {}: {}: {}", id, what, e.getMessage(), e);
        return message(what, id, e.retryable());
    }

    /** The sentence: what cannot be shown, whether trying again may help, and where the details are. */
    static String message(String what, String id, boolean retryable) {
        return what + " right now" + (retryable ? ": the store cannot be reached or is overloaded; try again in a "
                + "few seconds" : "") + " (error id " + id + "; the server's log has the details).";
    }
}
