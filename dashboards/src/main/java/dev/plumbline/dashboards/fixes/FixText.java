package dev.plumbline.dashboards.fixes;

import dev.plumbline.sql.psr.ServiceRisk;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** How a fix (a service with customers over budget) is written, on the Fixes page and among the Summary's risks. */
public final class FixText {

    private FixText() {
    }

    /** "latency (5.9x budget)": the kind of its worst slice over budget, and that slice's burn. */
    public static String problem(ServiceRisk r) {
        String worst = r.worstBadness() == null ? "" : String.format(Locale.ROOT, " (%.1fx budget)", r.worstBadness());
        return (r.problem().isEmpty() ? "none" : r.problem()) + worst;
    }

    /** "25 customers" or "1 customer". */
    public static String customers(ServiceRisk r) {
        return r.customersAffected() + (r.customersAffected() == 1 ? " customer" : " customers");
    }

    /**
     * A fix in one sentence, as the Summary lists it: "$1,162,256 at risk: search, latency (7.3x budget): 25 customers,
     * largest Vandelay Robotics #109" (no amount without {@code money}).
     */
    public static String sentence(ServiceRisk r, boolean money, String currency) {
        return (money ? dev.plumbline.sql.psr.MoneyText.of(r.revenueAtRisk(), currency) + " at risk: " : "") + r.service()
                + ", " + problem(r) + ": " + customers(r) + (r.largestCustomer().isEmpty() ? "" : ", largest " + largest(r));
    }

    /** The ROI page's list of the service's slices over budget in {@code month}. */
    public static String customersLink(ServiceRisk r, String month) {
        return "roi?month=" + encode(month) + "&service=" + encode(r.service());
    }

    /** The Customer page of the largest affected customer in {@code month}. */
    public static String largestLink(ServiceRisk r, String month) {
        return "customer?id=" + encode(r.largestCustomer()) + "&month=" + encode(month);
    }

    /** The largest affected customer's name (its id when it has none). */
    public static String largest(ServiceRisk r) {
        return r.largestCustomerName().isEmpty() ? r.largestCustomer() : r.largestCustomerName();
    }

    /** The Service page of the service. */
    public static String serviceLink(ServiceRisk r) {
        return "service?name=" + encode(r.service());
    }

    static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
