package io.ferry.agent.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.ferry.agent.config.AgentConfig;

/** The agent's repository password, from {@code ferry.agent.repository.password-file} or {@code .password}; never logged. */
public final class RepositoryPassword {

    private RepositoryPassword() {
    }

    /** @throws RepositoryException when none is configured, or its file cannot be read or is empty */
    public static char[] of(AgentConfig.Repository config) throws RepositoryException {
        if (config.passwordFile().isPresent()) {
            return fromFile(config.passwordFile().get());
        }
        return config.password().filter(password -> !password.isEmpty()).map(String::toCharArray)
                .orElseThrow(() -> new RepositoryException("The agent has no repository password: set ferry.agent.repository.password-file "
                        + "(a mounted Secret) or ferry.agent.repository.password"));
    }

    /** The content of {@code file} without its trailing newline (a key of a mounted Secret). */
    public static char[] fromFile(Path file) throws RepositoryException {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
            if (value.isEmpty()) {
                throw new RepositoryException("The repository password file %s is empty".formatted(file));
            }
            return value.toCharArray();
        } catch (NoSuchFileException e) {
            throw new RepositoryException(("The repository password file %s does not exist: mount the Secret that holds the "
                    + "password there (the agent manifest mounts ferry-repository, key password)").formatted(file));
        } catch (IOException e) {
            throw new RepositoryException("The repository password file %s cannot be read: %s".formatted(file, e.getClass().getSimpleName()));
        }
    }
}
