package io.ferry.infra.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs Ferry's tokens locally: {@code private.pem} (PKCS#8) and {@code public.pem}
 * (X.509), created once in a directory and reused. Services verify tokens with the public key.
 */
public final class SigningKeys {

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private SigningKeys(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    public static SigningKeys loadOrCreate(Path directory) {
        Path privateFile = directory.resolve("private.pem");
        Path publicFile = directory.resolve("public.pem");
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPair pair = generate();
                Files.createDirectories(directory);
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String base64 = Files.readString(privateFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new SigningKeys(key, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep signing keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the signing key in " + privateFile, e);
        }
    }

    /** A fresh pair that no service trusts, for testing that forged tokens are refused. */
    public static PrivateKey untrustedKey() {
        return generate().getPrivate();
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is required of every Java runtime", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
