package dev.plumbline.sql.coordination;

import java.time.Instant;

/**
 * One lease as stored: who holds what until when.
 *
 * @param name      what is leased ({@code source/NAME}, {@code job/NAME}, {@code member/REPLICA}, {@code migrate})
 * @param holder    the replica holding it, empty once released
 * @param token     unique to the holder's last write
 * @param expiresAt after this instant anyone may take it
 */
public record Lease(String name, String holder, String token, Instant expiresAt) {

    /** Held by someone at {@code now}: not released and not expired. */
    public boolean liveAt(Instant now) {
        return !holder.isEmpty() && expiresAt.isAfter(now);
    }

    /** Free to take at {@code now}: released or expired. */
    public boolean freeAt(Instant now) {
        return !liveAt(now);
    }
}
