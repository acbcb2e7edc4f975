package io.ferry.infra.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Mints RS256 bearer tokens as Ferry's services expect them: issuer {@value #ISSUER}, the organisation in
 * claim {@code org}, the role ({@code admin} or {@code viewer}) in {@code groups}.
 */
public final class TokenMinter {

    public static final String ISSUER = "ferry";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    public TokenMinter(PrivateKey key) {
        this.key = key;
    }

    /**
     * @param org  the organisation (letters, digits, {@code _ . @ -})
     * @param role {@code admin} or {@code viewer}
     * @param ttl  how long the token is valid; negative for an already expired one
     */
    public String mint(String org, String role, Duration ttl) {
        if (!PLAIN.matcher(org).matches() || !PLAIN.matcher(role).matches()) {
            throw new IllegalArgumentException("Organisation and role must be plain names: " + org + ", " + role);
        }
        long now = Instant.now().getEpochSecond();
        long issuedAt = ttl.isNegative() ? now + ttl.getSeconds() - 60 : now;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + role + "@" + org + "\",\"upn\":\"" + role + "@" + org
                + "\",\"org\":\"" + org + "\",\"groups\":[\"" + role + "\"],\"iat\":" + issuedAt
                + ",\"exp\":" + (now + ttl.getSeconds()) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
