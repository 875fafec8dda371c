package dev.plumbline.app.digests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links back to the pages, from plumbline.web.external-url (never a request's host). */
record Links(String base) {

    String summary() {
        return base + "/summary";
    }

    String services() {
        return base + "/services";
    }

    String roi() {
        return base + "/roi";
    }

    String review(String month) {
        return base + "/review?month=" + URLEncoder.encode(month, StandardCharsets.UTF_8);
    }

    String service(String name) {
        return base + "/service?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
