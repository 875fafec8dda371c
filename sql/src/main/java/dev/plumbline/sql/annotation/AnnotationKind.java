package dev.plumbline.sql.annotation;

import java.util.Locale;

/** The kinds of annotation. */
public enum AnnotationKind {
    DEPLOY, LAUNCH, INCIDENT, NOTE;

    public String sqlValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AnnotationKind fromSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
