package io.ferry.agent.backuptarget.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The checksum the server verifies on every object and part it receives, and rejects the upload when the body
 * does not match: SHA-256 ({@code x-amz-checksum-sha256}) where the server supports it, else {@code Content-MD5},
 * which every S3-compatible server checks. The probe finds out which one a server takes.
 */
enum ServerChecksum {

    SHA256("SHA-256", "x-amz-checksum-sha256") {
        @Override
        void on(PutObjectRequest.Builder request, byte[] digest) {
            request.checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(base64(digest));
        }

        @Override
        void on(UploadPartRequest.Builder request, byte[] digest) {
            request.checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(base64(digest));
        }

        @Override
        void on(CreateMultipartUploadRequest.Builder request) {
            request.checksumAlgorithm(ChecksumAlgorithm.SHA256);
        }

        @Override
        void on(CompletedPart.Builder part, byte[] digest) {
            part.checksumSHA256(base64(digest));
        }
    },

    MD5("MD5", "Content-MD5") {
        @Override
        void on(PutObjectRequest.Builder request, byte[] digest) {
            request.contentMD5(base64(digest));
        }

        @Override
        void on(UploadPartRequest.Builder request, byte[] digest) {
            request.contentMD5(base64(digest));
        }

        @Override
        void on(CreateMultipartUploadRequest.Builder request) {
        }

        @Override
        void on(CompletedPart.Builder part, byte[] digest) {
        }
    };

    private final String algorithm;
    private final String header;

    ServerChecksum(String algorithm, String header) {
        this.algorithm = algorithm;
        this.header = header;
    }

    /** The header that carries it, for messages. */
    String header() {
        return header;
    }

    MessageDigest newDigest() {
        return digest(algorithm);
    }

    abstract void on(PutObjectRequest.Builder request, byte[] digest);

    abstract void on(UploadPartRequest.Builder request, byte[] digest);

    abstract void on(CreateMultipartUploadRequest.Builder request);

    abstract void on(CompletedPart.Builder part, byte[] digest);

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no " + algorithm, e);
        }
    }

    private static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }
}
