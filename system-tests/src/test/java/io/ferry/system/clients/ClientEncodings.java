package io.ferry.system.clients;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Query strings exactly as the original API's clients put them on the wire. */
final class ClientEncodings {

    private ClientEncodings() {
    }

    /** Go's {@code url.Values.Encode()} (the Terraform provider): keys sorted, {@code QueryEscape}d, space as {@code +}. */
    static String goQuery(Map<String, String> values) {
        StringBuilder query = new StringBuilder();
        new TreeMap<>(values).forEach((key, value) -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(goQueryEscape(key)).append('=').append(goQueryEscape(value));
        });
        return query.toString();
    }

    /**
     * What a browser sends for a query written in a JavaScript template literal (the Rancher extension): the
     * WHATWG URL parser drops newlines and tabs, percent-encodes space, {@code "}, {@code #}, {@code <},
     * {@code >} and {@code '}, and leaves {@code { } [ ] $ : ,} as they are.
     */
    static String browserQuery(String query) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : query.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c <= 0x20 || c >= 0x7f || "\"#<>'".indexOf(c) >= 0) {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    private static String goQueryEscape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-_.~".indexOf(c) >= 0) {
                escaped.append(c);
            } else if (c == ' ') {
                escaped.append('+');
            } else {
                escaped.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return escaped.toString();
    }
}
