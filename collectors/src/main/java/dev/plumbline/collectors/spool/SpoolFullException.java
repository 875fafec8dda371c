package dev.plumbline.collectors.spool;

/** The spool reached its bound: collection waits (the source still holds the data) instead of losing anything. */
public final class SpoolFullException extends RuntimeException {

    public SpoolFullException(String message) {
        super(message);
    }
}
