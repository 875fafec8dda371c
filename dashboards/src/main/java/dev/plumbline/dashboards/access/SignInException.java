package dev.plumbline.dashboards.access;

/** A sign-in failed; the message says why in words fit for the person signing in. */
public final class SignInException extends RuntimeException {

    public SignInException(String message) {
        super(message);
    }
}
