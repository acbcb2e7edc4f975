package io.ferry.runner;

import java.nio.file.Path;
import java.time.Duration;

import io.ferry.infra.tokens.SigningKeys;
import io.ferry.infra.tokens.TokenMinter;

/**
 * {@code ./ferry token [org] [admin|viewer]}: prints a bearer token that the locally running services
 * accept, signed with the key pair in {@code $FERRY_HOME/keys}.
 */
public final class FerryToken {

    public static final String DEFAULT_ORG = "demo";
    static final Duration VALIDITY = Duration.ofDays(30);

    private FerryToken() {
    }

    public static void main(String[] args) {
        String org = args.length > 0 ? args[0] : DEFAULT_ORG;
        String role = args.length > 1 ? args[1] : "admin";
        if (!role.equals("admin") && !role.equals("viewer")) {
            System.err.println("ferry: the role is admin or viewer, not " + role);
            System.exit(2);
        }
        Path repository = Path.of(System.getProperty("ferry.repository", ".")).toAbsolutePath().normalize();
        RunnerSettings settings = RunnerSettings.fromEnvironment(repository, System::getenv);
        try {
            System.out.println(new TokenMinter(SigningKeys.loadOrCreate(settings.keyDirectory()).privateKey())
                    .mint(org, role, VALIDITY));
        } catch (IllegalArgumentException e) {
            System.err.println("ferry: " + e.getMessage());
            System.exit(2);
        }
    }
}
