package io.ferry.infra;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a bodiless S3 request with AWS Signature Version 4, so that infra can talk to its own S3 server
 * (create a bucket) without an S3 client library. Only what such requests need: no query string, no body,
 * a path of plain characters (bucket names).
 */
final class S3RequestSigner {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SIGNED_HEADERS = "host;x-amz-content-sha256;x-amz-date";

    private final S3Credentials credentials;
    private final String region;

    S3RequestSigner(S3Credentials credentials, String region) {
        this.credentials = credentials;
        this.region = region;
    }

    /** {@code method uri} with an empty body, signed as of {@code now}. */
    HttpRequest request(String method, URI uri, Instant now) {
        String timestamp = TIMESTAMP.format(now);
        String scope = timestamp.substring(0, 8) + "/" + region + "/s3/aws4_request";
        String payloadHash = hex(sha256(new byte[0]));
        String canonicalRequest = String.join("\n", method, uri.getRawPath(), "",
                "host:" + uri.getAuthority(), "x-amz-content-sha256:" + payloadHash, "x-amz-date:" + timestamp, "",
                SIGNED_HEADERS, payloadHash);
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", timestamp, scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = ("AWS4" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8);
        for (String part : scope.split("/")) {
            key = hmac(key, part);
        }
        String signature = hex(hmac(key, stringToSign));
        return HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("x-amz-content-sha256", payloadHash)
                .header("x-amz-date", timestamp)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKey() + "/" + scope
                        + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature)
                .build();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
