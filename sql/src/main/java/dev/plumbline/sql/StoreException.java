package dev.plumbline.sql;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement failed. Carries what code can act on: which statement, ClickHouse's error code (or -1 when the server
 * gave none, e.g. it could not be reached) and whether trying again later may succeed.
 */
public final class StoreException extends RuntimeException {

    /** ClickHouse error codes that describe a passing condition rather than a wrong statement. */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(
            159, // TIMEOUT_EXCEEDED
            202, // TOO_MANY_SIMULTANEOUS_QUERIES
            203, // NO_FREE_CONNECTION
            209, // SOCKET_TIMEOUT
            210, // NETWORK_ERROR
            241, // MEMORY_LIMIT_EXCEEDED
            242, // TABLE_IS_READ_ONLY
            252, // TOO_MANY_PARTS
            285, // TOO_FEW_LIVE_REPLICAS
            319, // UNKNOWN_STATUS_OF_INSERT
            999  // KEEPER_EXCEPTION
    );
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)\\.");

    private final String query;
    private final int code;
    private final boolean retryable;

    public StoreException(String query, int code, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.query = query;
        this.code = code;
        this.retryable = retryable;
    }

    /**
     * Wraps a client failure, naming the statement: ClickHouse's error code and query id when the server answered,
     * retryable when it could not be reached or answered with a passing condition.
     */
    public static StoreException of(String query, Throwable e) {
        if (e instanceof StoreException already) {   // refused before it reached the server (admission control)
            return already;
        }
        com.clickhouse.client.api.ServerException server = find(e, com.clickhouse.client.api.ServerException.class);
        int code = server != null ? server.getCode() : serverCode(e);
        boolean retryable = code < 0 ? isConnectionProblem(e) : RETRYABLE_CODES.contains(code);
        String reason = firstLine(server != null ? server.getMessage() : e.getMessage());
        if (server == null) {
            String root = firstLine(rootCause(e).getMessage());
            if (!reason.contains(root)) {
                reason = reason + ": " + root;
            }
        }
        return new StoreException(query, code, retryable, "query " + query + " failed: " + reason, e);
    }

    /** An error answer of the HTTP interface: its body holds "Code: N. DB::Exception: ...". */
    public static StoreException ofHttp(String query, int status, String body) {
        Matcher m = CODE.matcher(body == null ? "" : body);
        int code = m.find() ? Integer.parseInt(m.group(1)) : -1;
        boolean retryable = code < 0 ? status >= 500 : RETRYABLE_CODES.contains(code);
        return new StoreException(query, code, retryable, "query " + query + " failed: HTTP " + status + ": "
                + firstLine(body == null ? "" : body.strip()), null);
    }

    public String query() {
        return query;
    }

    /** ClickHouse's error code, or -1 when the error did not come from the server. */
    public int code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    private static int serverCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = CODE.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return -1;
    }

    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.UnknownHostException || t instanceof java.net.NoRouteToHostException
                    || t instanceof com.clickhouse.client.api.ConnectionInitiationException
                    || t instanceof org.apache.hc.core5.http.NoHttpResponseException
                    || t instanceof org.apache.hc.client5.http.ConnectTimeoutException
                    || t instanceof org.apache.hc.client5.http.HttpHostConnectException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline);
    }
}
