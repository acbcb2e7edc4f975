package io.ferry.offload.cluster;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.ferry.offload.OffloadConfig;

/**
 * The URL in a kubecluster's {@code status.agentURL}: {@code <public-url>/api/v1/kubeclusters/<id>/agent/<token>},
 * which serves the agent's install manifest without a bearer token, because {@code kubectl apply -f <url>}
 * and {@code curl -k <url> | kubectl apply -f -} (the Terraform provider, unquoted in a shell) send none.
 * The token (160 bits from SecureRandom, base64url: letters, digits, {@code -} and {@code _}) is in the
 * path, so the URL holds nothing a shell interprets; a new token (rotation) makes the old URL unknown.
 */
@ApplicationScoped
public class AgentInstallUrls {

    private static final int TOKEN_BYTES = 20;
    private static final String MARKER = "/agent/";

    private final SecureRandom random = new SecureRandom();
    private final String base;

    public AgentInstallUrls(OffloadConfig config) {
        this.base = config.publicUrl().replaceAll("/+$", "");
    }

    /** A URL with a new token for the cluster. */
    public String issue(String clusterId) {
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        return base + "/api/v1/kubeclusters/" + clusterId + MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Whether {@code token} is the one in the cluster's current URL (compared in constant time). */
    static boolean matches(Optional<String> currentUrl, String token) {
        Optional<String> current = currentUrl.filter(url -> url.contains(MARKER)).map(url -> url.substring(url.lastIndexOf(MARKER) + MARKER.length()));
        return current.isPresent() && MessageDigest.isEqual(current.get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
