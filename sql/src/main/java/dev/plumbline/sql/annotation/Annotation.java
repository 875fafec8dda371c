package dev.plumbline.sql.annotation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened and explains a change in the figures: a deploy, a launch, an incident, a note.
 *
 * @param endsAt   end of a range, or null for a moment
 * @param service  the service it concerns, or "" for none
 * @param customer the customer it concerns, or "" for none
 * @param link     a URL to more detail, or ""
 */
public record Annotation(UUID id, Instant startsAt, Instant endsAt, String service, String customer,
                         AnnotationKind kind, String text, String link) {

    public Annotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(kind, "kind");
        service = service == null ? "" : service;
        customer = customer == null ? "" : customer;
        text = text == null ? "" : text;
        link = link == null ? "" : link;
        if (endsAt != null && endsAt.isBefore(startsAt)) {
            throw new IllegalArgumentException("annotation " + id + ": ends before it starts");
        }
    }
}
