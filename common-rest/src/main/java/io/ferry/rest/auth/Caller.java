package io.ferry.rest.auth;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the organisation every query and write is scoped to, and whether the caller may write.
 *
 * @param orgId the {@code org} claim of the caller's token
 * @param admin the token has the {@code admin} role (otherwise {@code viewer}: read only)
 */
public record Caller(String orgId, boolean admin) {

    public static final String ORG_CLAIM = "org";
    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";

    /** @throws AuthenticationFailedException (401) for a token without an organisation */
    public static Caller of(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new AuthenticationFailedException("No bearer token");
        }
        Object org = token.getClaim(ORG_CLAIM);
        String orgId = org instanceof JsonString text ? text.getString() : org instanceof String text ? text : null;
        if (orgId == null || orgId.isBlank()) {
            throw new AuthenticationFailedException("The token names no organisation");
        }
        return new Caller(orgId, identity.hasRole(ADMIN));
    }
}
