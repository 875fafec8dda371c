package dev.plumbline.app.notify;

import dev.plumbline.sql.outbox.Notification;

/** Sends one notification to its destination, once; the delivery worker decides about retries. */
public interface Sender {

    /**
     * Tries to send {@code notification} to {@code destination} (for e-mail, null when the notification carries its
     * own recipients). Never throws for a failure of the destination: it is the answer.
     */
    Attempt send(Notification notification, Destination destination);
}
