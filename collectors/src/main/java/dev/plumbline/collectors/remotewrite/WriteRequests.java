package dev.plumbline.collectors.remotewrite;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.plumbline.collectors.prometheus.remote.prompb.WriteRequest;
import java.io.IOException;
import org.xerial.snappy.Snappy;

/**
 * Reads a Prometheus remote-write 1.0 body: a {@code WriteRequest} in protobuf, snappy block compressed. A body that
 * is not one is refused with {@link Refused}, whose message says what is wrong (the receiver answers 400 with it, and
 * Prometheus does not send a 4xx body again).
 */
public final class WriteRequests {

    private WriteRequests() {
    }

    /** A body that is not a remote-write request. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
    }

    /** The request in {@code body}, which decompresses to at most {@code maxBytes}. */
    public static WriteRequest decode(byte[] body, int maxBytes) {
        if (body == null || body.length == 0) {
            throw new Refused("body: empty; send a snappy-compressed protobuf WriteRequest (Prometheus remote write 1.0)");
        }
        int length;
        try {
            length = Snappy.uncompressedLength(body);
        } catch (IOException e) {
            throw new Refused("body: not snappy block compressed (Content-Encoding: snappy): " + e.getMessage());
        }
        if (length < 0 || length > maxBytes) {
            throw new Refused("body: decompresses to " + Integer.toUnsignedString(length) + " bytes, more than the "
                    + maxBytes + " allowed (plumbline.collectors.remote-write.max-request-bytes)");
        }
        byte[] raw;
        try {
            if (!Snappy.isValidCompressedBuffer(body)) {
                throw new Refused("body: not valid snappy block compressed data");
            }
            raw = Snappy.uncompress(body);
        } catch (IOException e) {
            throw new Refused("body: not valid snappy block compressed data: " + e.getMessage());
        }
        try {
            return WriteRequest.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            throw new Refused("body: not a protobuf WriteRequest: " + e.getMessage());
        }
    }
}
