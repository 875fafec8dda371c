package dev.plumbline.collectors.prometheus.remote;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.plumbline.collectors.prometheus.remote.prompb.ChunkedReadResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Reads the frames of a STREAMED_XOR_CHUNKS remote-read answer: each is an unsigned varint length, a big-endian
 * CRC32C (Castagnoli) of the message, and a {@link ChunkedReadResponse} of that length. A frame longer than the
 * limit, a checksum that does not match or a stream that ends inside a frame is an IOException naming it.
 */
public final class ChunkedFrames {

    private final InputStream in;
    private final int maxFrameBytes;
    private long frames;

    public ChunkedFrames(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The next frame's message, or null at the end of the stream (between frames). */
    public ChunkedReadResponse next() throws IOException {
        long length = uvarint();
        if (length < 0) {
            return null;
        }
        if (length > maxFrameBytes) {
            throw new IOException("remote read: frame " + (frames + 1) + " is " + length + " bytes, over the limit of "
                    + maxFrameBytes);
        }
        byte[] crc = in.readNBytes(4);
        byte[] message = in.readNBytes((int) length);
        if (crc.length < 4 || message.length < length) {
            throw new EOFException("remote read: the stream ends inside frame " + (frames + 1));
        }
        CRC32C check = new CRC32C();
        check.update(message);
        long expected = ((crc[0] & 0xffL) << 24) | ((crc[1] & 0xffL) << 16) | ((crc[2] & 0xffL) << 8) | (crc[3] & 0xffL);
        if (check.getValue() != expected) {
            throw new IOException("remote read: frame " + (frames + 1) + " fails its CRC32C check");
        }
        frames++;
        try {
            return ChunkedReadResponse.parseFrom(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("remote read: frame " + frames + " is not a ChunkedReadResponse: " + e.getMessage(), e);
        }
    }

    /** The frames read so far. */
    public long frames() {
        return frames;
    }

    /** -1 at a clean end of the stream. */
    private long uvarint() throws IOException {
        long out = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (shift == 0) {
                    return -1;
                }
                throw new EOFException("remote read: the stream ends inside the length of frame " + (frames + 1));
            }
            out |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return out;
            }
        }
        throw new IOException("remote read: the length of frame " + (frames + 1) + " is longer than 10 bytes");
    }
}
