package dev.plumbline.collectors.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Uploaded bytes as text: UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark, as spreadsheet
 * exports write them. Anything else is refused rather than guessed, so no name is silently garbled.
 */
public final class TextInput {

    /** The largest input accepted, in bytes. */
    public static final int MAX_BYTES = 200 * 1024 * 1024;

    private TextInput() {
    }

    public static String decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ImportRejected(java.util.List.of(ImportProblem.ofInput("the file is empty")));
        }
        if (bytes.length > MAX_BYTES) {
            throw new ImportRejected(java.util.List.of(ImportProblem.ofInput(
                    "the file has " + bytes.length + " bytes; the most accepted is " + MAX_BYTES)));
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE);
        }
        String text = strict(bytes, 0, StandardCharsets.UTF_8);
        if (text.indexOf('\u0000') >= 0) {
            throw new ImportRejected(java.util.List.of(ImportProblem.ofInput(
                    "the file contains NUL characters: is it UTF-16 without a byte order mark, or not text at all? "
                            + "Save it as UTF-8 (CSV UTF-8 in spreadsheet programs)")));
        }
        return text;
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new ImportRejected(java.util.List.of(ImportProblem.ofInput("the file is not valid " + charset.name()
                    + " (bad bytes at byte " + in.position() + "); save it as UTF-8 (CSV UTF-8 in spreadsheet programs)")));
        } catch (CharacterCodingException e) {
            throw new ImportRejected(java.util.List.of(ImportProblem.ofInput(
                    "the file is not valid " + charset.name() + ": " + e.getMessage())));
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
