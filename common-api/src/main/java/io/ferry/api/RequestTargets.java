package io.ferry.api;

import java.nio.charset.StandardCharsets;

/**
 * Request targets as the original API's server (Eve on Werkzeug) reads them, for the HTTP servers of the
 * services and the gateway. Clients send characters that RFC 3986 reserves or excludes raw in the query
 * ({@code {"cluster":"<id>"}} from Go's {@code http.NewRequest}, {@code { } [ ] $ : ,} from browsers) and
 * double slashes in the path; Werkzeug takes them as they are. {@link #normalize(String)} rewrites such a
 * target into the equivalent valid one, so that everything after it sees the same decoded values.
 */
public final class RequestTargets {

    /** The default longest request target (path and query) a server takes: long {@code $nin} lists are real. */
    public static final int DEFAULT_MAX_LENGTH = 256 * 1024;

    private static final String UNRESERVED_AND_SUB_DELIMS = "-._~!$&'()*+,;=:@";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestTargets() {
    }

    /** The message of the 414 that answers a target longer than {@code limit}. */
    public static String tooLongMessage(int limit) {
        return "The request URI is longer than " + limit + " characters; send fewer conditions in the where clause.";
    }

    /**
     * Merges runs of {@code /} in the path and percent-encodes every character that may not appear raw in a
     * path or query (a {@code %} that does not start an escape included, which Werkzeug keeps as it is).
     * Targets that are not origin-form ({@code *}, absolute URIs) are returned unchanged.
     *
     * @param target the request target as read from the request line, one char per byte (ISO-8859-1)
     * @return {@code target} itself when it is already valid and normalised
     */
    public static String normalize(String target) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return target;
        }
        int query = target.indexOf('?');
        int pathEnd = query < 0 ? target.length() : query;
        StringBuilder normalized = new StringBuilder(target.length() + 32);
        for (int i = 0; i < pathEnd; i++) {
            char c = target.charAt(i);
            if (c == '/' && i > 0 && target.charAt(i - 1) == '/') {
                continue;
            }
            append(target, i, c == '/' || allowed(c), normalized);
        }
        if (query >= 0) {
            normalized.append('?');
            for (int i = query + 1; i < target.length(); i++) {
                char c = target.charAt(i);
                append(target, i, c == '/' || c == '?' || allowed(c), normalized);
            }
        }
        String result = normalized.toString();
        return result.equals(target) ? target : result;
    }

    private static void append(String target, int index, boolean allowed, StringBuilder out) {
        char c = target.charAt(index);
        if (allowed || (c == '%' && isEscape(target, index))) {
            out.append(c);
        } else if (c <= 0xFF) {
            escape(c, out);
        } else {
            for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                escape(b & 0xFF, out);
            }
        }
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || UNRESERVED_AND_SUB_DELIMS.indexOf(c) >= 0;
    }

    private static boolean isEscape(String target, int index) {
        return index + 2 < target.length() && isHex(target.charAt(index + 1)) && isHex(target.charAt(index + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void escape(int b, StringBuilder out) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
}
