package io.ferry.rest.http;

import io.ferry.rest.error.EveException;
import io.ferry.rest.store.StoredDocument;

/** ETag preconditions ({@code If-Match}, {@code If-None-Match}) with quoted, unquoted or weak tags. */
public final class Preconditions {

    private Preconditions() {
    }

    /** @throws EveException 428 without {@code If-Match}, 412 when it does not match the document */
    public static void requireMatch(String ifMatch, StoredDocument current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new EveException(428, "To edit a document its etag must be provided using the If-Match header");
        }
        checkMatch(ifMatch, current);
    }

    /** DELETE: {@code If-Match} is optional, but when present it must match. */
    public static void checkMatch(String ifMatch, StoredDocument current) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, current.etag())) {
            throw new EveException(412, "Client and server etags don't match");
        }
    }

    /** True when one of the comma-separated tags names {@code etag} (or is {@code *}). */
    public static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
