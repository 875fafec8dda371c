package dev.plumbline.sql.migration;

/**
 * One versioned change to the schema: the text of its {@code .up.sql} file and of its {@code .down.sql} file, both
 * still holding their placeholders (see {@link SchemaOptions}).
 *
 * @param version  the number the file name starts with; applied in ascending order
 * @param name     the file name without version and suffix, e.g. {@code telemetry_minute}
 * @param up       statements that make the change
 * @param down     statements that undo it
 * @param checksum SHA-256 of the up file as written, so an edit after it was applied is noticed
 */
public record Migration(int version, String name, String up, String down, String checksum) {

    /** E.g. {@code 0001_telemetry_minute}. */
    public String id() {
        return String.format("%04d_%s", version, name);
    }
}
