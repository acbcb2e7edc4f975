package io.ferry.agent.repository;

/** A repository that cannot be used: its password does not open it, it is locked, or an object of it is damaged. */
public class RepositoryException extends Exception {

    public RepositoryException(String message) {
        super(message);
    }
}
