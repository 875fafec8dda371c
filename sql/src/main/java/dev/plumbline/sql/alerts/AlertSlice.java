package dev.plumbline.sql.alerts;

/**
 * Whose requests a backtest replays: the whole service (all customers), one customer, or the customers of a segment
 * (as of today). At most one of {@code customer} and {@code segment} is given.
 *
 * @param customer a customer's id, or ""
 * @param segment  a segment, e.g. enterprise, or ""
 */
public record AlertSlice(String customer, String segment) {

    /** The whole service. */
    public static final AlertSlice SERVICE = new AlertSlice("", "");

    public AlertSlice {
        customer = customer == null ? "" : customer.strip();
        segment = segment == null ? "" : segment.strip();
        if (!customer.isEmpty() && !segment.isEmpty()) {
            throw new IllegalArgumentException("segment: give a customer or a segment, not both");
        }
    }

    /** Whether it reads the raw minutes of some customers (kept for the raw TTL only) rather than the service's. */
    public boolean perCustomer() {
        return !customer.isEmpty() || !segment.isEmpty();
    }

    /** The request field that names the slice: customer, segment, or "" for the whole service. */
    public String field() {
        return !customer.isEmpty() ? "customer" : !segment.isEmpty() ? "segment" : "";
    }

    @Override
    public String toString() {
        return !customer.isEmpty() ? "customer " + customer : !segment.isEmpty() ? "segment " + segment : "all customers";
    }
}
