package dev.countersign.cli.config;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.output.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration file that holds the server and the credentials. It is created owner-only (0600,
 * in a 0700 directory) from the first byte on, and replaced atomically, so a password never lies in a
 * file that others may read, not even for a moment.
 */
public final class ConfigStore {

    static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path path;

    public ConfigStore(Path path) {
        this.path = path.toAbsolutePath();
    }

    /** {@code --config FILE} if given, else {@code $XDG_CONFIG_HOME/countersign/config.json}, else ~/.config. */
    public static ConfigStore resolve(Path explicit, CliContext context) {
        if (explicit != null) {
            return new ConfigStore(explicit);
        }
        Path configHome = context.env("XDG_CONFIG_HOME")
                .map(Path::of)
                .filter(Path::isAbsolute) // the XDG spec says to ignore a relative value
                .orElse(context.home().resolve(".config"));
        return new ConfigStore(configHome.resolve("countersign").resolve("config.json"));
    }

    public Path path() {
        return path;
    }

    public Optional<CliConfig> load() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(path.toFile(), CliConfig.class));
        } catch (IOException e) {
            throw new CliException(
                    ExitCode.ERROR,
                    "cannot read the configuration " + path + ": " + e.getMessage(),
                    "run `countersign login` to write it again");
        }
    }

    /** A warning when the file is readable by others than its owner, as ssh gives for a private key. */
    public Optional<String> permissionWarning() {
        try {
            if (!Files.exists(path) || !isPosix()) {
                return Optional.empty();
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (OWNER_ONLY_FILE.containsAll(permissions)) {
                return Optional.empty();
            }
            return Optional.of("warning: " + path + " holds credentials and is "
                    + PosixFilePermissions.toString(permissions) + "; run `chmod 600 " + path + "`");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void save(CliConfig config) {
        try {
            Path directory = path.getParent();
            createDirectories(directory);
            Path temporary = isPosix()
                    ? Files.createTempFile(
                            directory, ".config-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                    : Files.createTempFile(directory, ".config-", ".tmp");
            try {
                Files.writeString(temporary, Json.pretty(config) + System.lineSeparator());
                move(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CliException(
                    ExitCode.ERROR,
                    "cannot write the configuration " + path + ": " + e.getMessage(),
                    "check the directory, or point elsewhere with --config FILE");
        }
    }

    /** Removes the file; false when there was none. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new CliException(
                    ExitCode.ERROR, "cannot remove the configuration " + path + ": " + e.getMessage(), null);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            // Only the directory that holds the file is made owner-only; a parent such as ~/.config
            // belongs to the user's other programs.
            FileAttribute<?>[] attributes = isPosix()
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
                    : new FileAttribute<?>[0];
            Files.createDirectory(directory, attributes);
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile by another countersign process: fine
        }
    }

    private boolean isPosix() {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
