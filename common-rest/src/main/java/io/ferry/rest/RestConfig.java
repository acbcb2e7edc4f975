package io.ferry.rest;

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
}
