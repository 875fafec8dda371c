package dev.plumbline.app.digests;

/** Small pieces of the digests' HTML: text escaped, a table row, a link. */
final class Html {

    private Html() {
    }

    /** {@code text} safe inside an element or a double-quoted attribute. */
    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table row of escaped cells ({@code th} for a header). */
    static String row(boolean header, String... cells) {
        String tag = header ? "th" : "td";
        StringBuilder out = new StringBuilder("<tr>");
        for (String cell : cells) {
            out.append('<').append(tag).append(" style=\"text-align:left;padding:2px 8px\">").append(text(cell))
                    .append("</").append(tag).append('>');
        }
        return out.append("</tr>\n").toString();
    }

    /** A link to {@code url} reading {@code label}. */
    static String link(String url, String label) {
        return "<a href=\"" + text(url) + "\">" + text(label) + "</a>";
    }

    /** A whole mail: a title, the parts, the reader's statement. */
    static String page(String title, String body, Reader reader) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + text(title) + "</title></head>\n"
                + "<body style=\"font-family:sans-serif\">\n<h1>" + text(title) + "</h1>\n" + body
                + "<p class=\"audience\" style=\"color:#555\">" + text(reader.statement()) + "</p>\n</body></html>\n";
    }
}
