package io.ferry.agent.backuptarget.s3;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Says in one sentence why a request to an objectstore failed, naming the objectstore: which of the usual causes
 * (unreachable endpoint, wrong credentials, missing bucket) it is, else the server's answer. Never holds a secret:
 * the SDK's messages name the endpoint and the request, not the credentials.
 */
public record S3Failures(String name, String endpoint, String bucket) {

    /** @param doing what failed, for example {@code "Listing the bucket"} */
    public String describe(String doing, SdkException failure) {
        if (failure instanceof S3Exception s3) {
            return describeAnswer(doing, s3);
        }
        Throwable cause = rootCause(failure, UnknownHostException.class, ConnectException.class, NoRouteToHostException.class,
                SocketTimeoutException.class, SSLException.class);
        if (cause instanceof UnknownHostException) {
            return "Objectstore %s cannot be reached: the host of its endpoint %s is unknown (DNS)".formatted(name, endpoint);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return "Objectstore %s cannot be reached at %s: %s".formatted(name, endpoint, reason(cause, "connection refused"));
        }
        if (cause instanceof SocketTimeoutException) {
            return "Objectstore %s at %s did not answer in time (%s)".formatted(name, endpoint, doing);
        }
        if (cause instanceof SSLException) {
            return "The TLS connection to objectstore %s at %s failed: %s (skipTlsVerify accepts a certificate that cannot be verified)"
                    .formatted(name, endpoint, reason(cause, cause.getClass().getSimpleName()));
        }
        String message = reason(failure, failure.getClass().getSimpleName());
        if (message.contains("Unable to load credentials")) {
            return "Objectstore %s names no credentials Secret and the agent has no default AWS credentials".formatted(name);
        }
        return "%s in objectstore %s failed: %s".formatted(doing, name, message);
    }

    private String describeAnswer(String doing, S3Exception answer) {
        AwsErrorDetails details = answer.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        return switch (code) {
            case "InvalidAccessKeyId" -> "Objectstore %s does not know the access key id of its credentials (InvalidAccessKeyId)"
                    .formatted(name);
            case "SignatureDoesNotMatch" ->
                "Objectstore %s rejected the signature of the request: the secret access key of its credentials is wrong (SignatureDoesNotMatch)"
                        .formatted(name);
            case "NoSuchBucket" -> "The bucket %s does not exist in objectstore %s (NoSuchBucket)".formatted(bucket, name);
            case "AccessDenied" -> "Objectstore %s denied access to bucket %s (AccessDenied): %s".formatted(name, bucket, doing);
            default -> "%s in objectstore %s failed: HTTP %d%s".formatted(doing, name, answer.statusCode(),
                    code.isEmpty() ? "" : " " + code + (details.errorMessage() == null ? "" : " (" + details.errorMessage() + ")"));
        };
    }

    @SafeVarargs
    private static Throwable rootCause(Throwable failure, Class<? extends Throwable>... wanted) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : wanted) {
                if (type.isInstance(cause)) {
                    return cause;
                }
            }
        }
        return null;
    }

    private static String reason(Throwable failure, String fallback) {
        return failure.getMessage() == null ? fallback : failure.getMessage();
    }
}
