package io.ferry.rest;

/** Tenancy until authentication lands. */
public final class Organisations {

    /** TODO(#4): the organisation comes from the caller's token; until then every caller is in this one. */
    public static final String DEFAULT = "default";

    private Organisations() {
    }
}
