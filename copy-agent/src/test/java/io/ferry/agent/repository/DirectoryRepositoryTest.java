package io.ferry.agent.repository;

import java.nio.file.Path;

import io.ferry.agent.repository.storage.DirectoryStorage;
import io.ferry.agent.repository.storage.Storage;

/** The repository in a directory target: {@code <target>/repositories/<backupdefId>/}. */
class DirectoryRepositoryTest extends RepositoryContract {

    private Path root;

    @Override
    Storage newStorage() {
        root = work.resolve("target/repositories/backup-1");
        return sameStorage();
    }

    @Override
    Storage sameStorage() {
        return new DirectoryStorage(root, "repository in backup target " + root);
    }
}
