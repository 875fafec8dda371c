package dev.plumbline.collectors.spans;

import java.util.ArrayList;
import java.util.List;

/**
 * What a spans source read, counted unweighted, since the start: the spans stored, and each kind of span that was
 * dropped or counted with a caveat.
 *
 * @param spans         request spans read (all of them, the dropped included; a span read again counts again)
 * @param noCustomer    dropped: no customer attribute (or an empty one)
 * @param noService     dropped: no service name
 * @param unknownStatus stored as requests, not errors: a status code that is none of unset, ok, error
 * @param badWeight     stored with weight 1: a sampling attribute that could not be read
 * @param badHttpStatus stored as requests, not errors: no readable HTTP status under the http-status error rule
 * @param late          spans found on reading a minute again (within the lateness) that its earlier read had not seen
 * @param ahead         request spans stamped more than a minute ahead of Plumbline's clock at the last collection
 *                      (hosts whose clocks run ahead): stored at their stamped minute once it is due
 */
public record SpanTally(long spans, long noCustomer, long noService, long unknownStatus, long badWeight,
                        long badHttpStatus, long late, long ahead) {

    public static final SpanTally NONE = new SpanTally(0, 0, 0, 0, 0, 0, 0, 0);

    public SpanTally plus(SpanTally o) {
        return new SpanTally(spans + o.spans, noCustomer + o.noCustomer, noService + o.noService,
                unknownStatus + o.unknownStatus, badWeight + o.badWeight, badHttpStatus + o.badHttpStatus,
                late + o.late, ahead);
    }

    public SpanTally withAhead(long spans) {
        return new SpanTally(this.spans, noCustomer, noService, unknownStatus, badWeight, badHttpStatus, late, spans);
    }

    /** A sentence for the status: what was dropped or counted with a caveat; null when nothing was. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, noCustomer, "without the customer attribute dropped");
        add(parts, noService, "without a service name dropped");
        add(parts, unknownStatus, "with an unknown status code counted as requests, not errors");
        add(parts, badWeight, "with an unreadable sampling attribute counted once");
        add(parts, badHttpStatus, "without a readable HTTP status counted as requests, not errors");
        add(parts, late, "arrived late and were collected on reading their minute again");
        add(parts, ahead, "are stamped over a minute ahead of Plumbline's clock (stored when their minute is due)");
        return parts.isEmpty() ? null : "of " + spans + " spans read: " + String.join("; ", parts);
    }

    private static void add(List<String> parts, long n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }
}
