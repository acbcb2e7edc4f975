package io.ferry.rest;

import io.ferry.api.RequestTargets;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ferry.rest")
public interface RestConfig {

    /** The largest page a client may ask for with {@code max_results}; larger requests are clamped. */
    @WithDefault("500")
    int maxResultsLimit();

    /** Request bodies above this many bytes are refused with 413. */
    @WithDefault("1048576")
    long maxBodySize();

    /**
     * Request targets (path and query) longer than this many characters are refused with 414 in Eve's
     * envelope; the HTTP server itself takes request lines several times as long, so that they reach the check.
     */
    @WithDefault("" + RequestTargets.DEFAULT_MAX_LENGTH)
    int maxUriLength();
}
