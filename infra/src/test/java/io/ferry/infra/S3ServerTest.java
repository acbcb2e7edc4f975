package io.ferry.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3Proxy as the copy agent will use it, through the AWS SDK v2. What it verifies (S3Proxy 2.6.0):
 * <ul>
 * <li>{@code Content-MD5} on PutObject and UploadPart: a mismatch is a 400 BadDigest. The one checksum AWS S3,
 * MinIO and S3Proxy all check, so the one the agent should send.</li>
 * <li>The SHA-256 of a payload signed whole ({@code x-amz-content-sha256} with the hash, what the SDK sends with
 * chunked encoding off): a mismatch is a 400 XAmzContentSHA256Mismatch. S3Proxy holds such a body in memory
 * (up to 128 MiB) to hash it.</li>
 * <li>Not the signatures of aws-chunked uploads (the SDK's default for PutObject and UploadPart over http):
 * S3Proxy strips them unchecked.</li>
 * <li>Flexible checksums ({@code x-amz-checksum-sha256} and the like) are refused with 501 NotImplemented, and
 * the SDK's default of sending and asking for them fails outright, so clients set
 * {@code requestChecksumCalculation} and {@code responseChecksumValidation} to WHEN_REQUIRED.</li>
 * </ul>
 */
class S3ServerTest {

    private static final int MIB = 1024 * 1024;
    private static final Random RANDOM = new Random(20_260_315);

    @TempDir
    static Path sharedDir;

    private static S3Server shared;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startSharedServer() {
        shared = S3Server.start(sharedDir, Ports.free(), S3Credentials.generate());
    }

    @AfterAll
    static void stopSharedServer() {
        shared.close();
    }

    @Test
    void keepsObjectsByteForByteAcrossAStopAndAKillOnTheSameDataDirectory() {
        int port = Ports.free();
        S3Credentials credentials = S3Credentials.generate();
        byte[] content = randomBytes(3 * MIB + 17);

        S3Server server = S3Server.start(dataDir, port, credentials);
        server.createBucket("kept");
        server.createBucket("kept");
        try (S3Client s3 = client(server)) {
            s3.putObject(put -> put.bucket("kept").key("dir/object.bin"), RequestBody.fromBytes(content));
            assertThat(s3.getObjectAsBytes(get -> get.bucket("kept").key("dir/object.bin")).asByteArray()).isEqualTo(content);
        }
        server.close();
        assertThat(Ports.isListening(port)).isFalse();

        server = S3Server.start(dataDir, port, credentials);
        try (S3Client s3 = client(server)) {
            assertThat(s3.getObjectAsBytes(get -> get.bucket("kept").key("dir/object.bin")).asByteArray()).isEqualTo(content);
        }
        server.kill();
        assertThat(Ports.isListening(port)).isFalse();

        try (S3Server restarted = S3Server.start(dataDir, port, credentials); S3Client s3 = client(restarted)) {
            assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name()).containsExactly("kept");
            assertThat(s3.getObjectAsBytes(get -> get.bucket("kept").key("dir/object.bin")).asByteArray()).isEqualTo(content);
        }
    }

    @Test
    void aMultipartUploadOfThreeFiveMiBPartsBecomesOneObject() throws IOException {
        shared.createBucket("multipart");
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (S3Client s3 = client(shared)) {
            String uploadId = s3.createMultipartUpload(create -> create.bucket("multipart").key("big")).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            for (int number = 1; number <= 3; number++) {
                byte[] part = randomBytes(5 * MIB);
                whole.writeBytes(part);
                int partNumber = number;
                String etag = s3.uploadPart(upload -> upload.bucket("multipart").key("big").uploadId(uploadId)
                        .partNumber(partNumber).contentMD5(md5(part)), RequestBody.fromBytes(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(complete -> complete.bucket("multipart").key("big").uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));

            assertThat(s3.getObjectAsBytes(get -> get.bucket("multipart").key("big")).asByteArray()).isEqualTo(whole.toByteArray());
            assertThat(s3.listMultipartUploads(list -> list.bucket("multipart")).uploads()).isEmpty();
        }
        assertThat(filesIn(sharedDir.resolve("buckets/multipart"))).containsExactly("big");
    }

    @Test
    void anAbortedMultipartUploadLeavesNoUploadBehind() throws IOException {
        shared.createBucket("aborted");
        try (S3Client s3 = client(shared)) {
            String uploadId = s3.createMultipartUpload(create -> create.bucket("aborted").key("partial")).uploadId();
            s3.uploadPart(upload -> upload.bucket("aborted").key("partial").uploadId(uploadId).partNumber(1),
                    RequestBody.fromBytes(randomBytes(5 * MIB)));
            assertThat(s3.listMultipartUploads(list -> list.bucket("aborted")).uploads())
                    .extracting(MultipartUpload::uploadId).containsExactly(uploadId);

            s3.abortMultipartUpload(abort -> abort.bucket("aborted").key("partial").uploadId(uploadId));

            assertThat(s3.listMultipartUploads(list -> list.bucket("aborted")).uploads()).isEmpty();
            assertThat(s3.listObjectsV2(list -> list.bucket("aborted")).contents()).isEmpty();
        }
        assertThat(filesIn(sharedDir.resolve("buckets/aborted"))).as("parts left on disk").isEmpty();
    }

    @Test
    void aRequestSignedWithAnotherSecretOrNotSignedIsRefusedWith403() {
        shared.createBucket("guarded");
        AwsCredentialsProvider wrongSecret = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(shared.accessKey(), shared.secretKey() + "x"));
        try (S3Client forger = builder(shared, wrongSecret).build();
                S3Client anonymous = builder(shared, AnonymousCredentialsProvider.create()).build()) {
            assertThatThrownBy(() -> forger.listObjectsV2(list -> list.bucket("guarded")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThatThrownBy(() -> anonymous.putObject(put -> put.bucket("guarded").key("x"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void bucketsAreAlsoAddressedByHostName() {
        shared.createBucket("by-host");
        // The SDK puts the bucket in the host name unless told otherwise; the JDK resolves no *.localhost.
        SystemDefaultDnsResolver loopbackForLocalhost = new SystemDefaultDnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return host.endsWith(".localhost") ? new InetAddress[] {InetAddress.getLoopbackAddress()} : super.resolve(host);
            }
        };
        try (S3Client virtualHostStyle = builder(shared, credentials(shared)).forcePathStyle(false)
                .httpClient(Apache5HttpClient.builder().dnsResolver(loopbackForLocalhost).build()).build();
                S3Client pathStyle = client(shared)) {
            virtualHostStyle.putObject(put -> put.bucket("by-host").key("k"), RequestBody.fromString("virtual host"));
            assertThat(pathStyle.getObjectAsBytes(get -> get.bucket("by-host").key("k")).asUtf8String()).isEqualTo("virtual host");
        }
    }

    @Test
    void aContentMd5ThatDoesNotMatchTheBodyIsRefusedAndNothingIsStored() {
        shared.createBucket("md5");
        byte[] content = randomBytes(MIB);
        String otherMd5 = md5(new byte[] {1});
        try (S3Client s3 = client(shared)) {
            assertThatThrownBy(() -> s3.putObject(put -> put.bucket("md5").key("object").contentMD5(otherMd5), RequestBody.fromBytes(content)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest"));
            assertThat(s3.listObjectsV2(list -> list.bucket("md5")).contents()).isEmpty();

            String uploadId = s3.createMultipartUpload(create -> create.bucket("md5").key("parts")).uploadId();
            assertThatThrownBy(() -> s3.uploadPart(upload -> upload.bucket("md5").key("parts").uploadId(uploadId).partNumber(1)
                    .contentMD5(otherMd5), RequestBody.fromBytes(content)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest"));

            s3.putObject(put -> put.bucket("md5").key("object").contentMD5(md5(content)), RequestBody.fromBytes(content));
            assertThat(s3.headObject(head -> head.bucket("md5").key("object")).eTag())
                    .isEqualTo("\"" + HexFormat.of().formatHex(digest("MD5", content)) + "\"");
        }
    }

    @Test
    void aBodyThatDiffersFromItsSignedSha256IsRefused() {
        shared.createBucket("sha256");
        byte[] content = randomBytes(MIB);
        byte[] corrupted = content.clone();
        corrupted[MIB / 2] ^= 1;
        // The SDK reads the body once to sign its hash and again to send it: the second read is "damaged in transit".
        AtomicInteger reads = new AtomicInteger();
        RequestBody damagedAfterSigning = RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(reads.getAndIncrement() == 0 ? content : corrupted), content.length,
                "application/octet-stream");
        try (S3Client s3 = builder(shared, credentials(shared))
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build()).build()) {
            assertThatThrownBy(() -> s3.putObject(put -> put.bucket("sha256").key("object"), damagedAfterSigning))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("XAmzContentSHA256Mismatch"));
            assertThat(s3.listObjectsV2(list -> list.bucket("sha256")).contents()).isEmpty();
        }
    }

    @Test
    void flexibleChecksumsAreNotImplemented() {
        shared.createBucket("flexible");
        String sha256 = Base64.getEncoder().encodeToString(digest("SHA-256", "x".getBytes()));
        try (S3Client s3 = client(shared);
                S3Client sdkDefaults = builder(shared, credentials(shared))
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_SUPPORTED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED).build()) {
            assertThatThrownBy(() -> s3.putObject(put -> put.bucket("flexible").key("x").checksumSHA256(sha256), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
            assertThatThrownBy(() -> sdkDefaults.putObject(put -> put.bucket("flexible").key("x"), RequestBody.fromString("x")))
                    .isInstanceOf(S3Exception.class);
        }
    }

    @Test
    void aTakenPortIsNamedInTheError() {
        int taken = URI.create(shared.endpoint()).getPort();
        assertThatThrownBy(() -> S3Server.start(dataDir, taken, S3Credentials.generate()))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("Port " + taken + " (S3) is already in use");
    }

    @Test
    void bucketNamesAreCheckedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> shared.createBucket("Not_A_Bucket")).isInstanceOf(IllegalArgumentException.class);
    }

    private static S3Client client(S3Server server) {
        return builder(server, credentials(server)).build();
    }

    /** What the copy agent needs against S3Proxy: path-style requests, checksums only when an operation requires one. */
    private static S3ClientBuilder builder(S3Server server, AwsCredentialsProvider credentials) {
        return S3Client.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(S3Server.REGION))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }

    private static AwsCredentialsProvider credentials(S3Server server) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey()));
    }

    private static List<String> filesIn(Path bucketDir) throws IOException {
        try (Stream<Path> files = Files.walk(bucketDir)) {
            return files.filter(Files::isRegularFile).map(file -> bucketDir.relativize(file).toString()).toList();
        }
    }

    private static String md5(byte[] content) {
        return Base64.getEncoder().encodeToString(digest("MD5", content));
    }

    private static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
