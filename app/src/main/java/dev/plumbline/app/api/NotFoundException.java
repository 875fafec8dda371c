package dev.plumbline.app.api;

/** The resource a request names does not exist; answered with 404 and the message. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
