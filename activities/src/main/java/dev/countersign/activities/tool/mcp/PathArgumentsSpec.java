package dev.countersign.activities.tool.mcp;

import dev.countersign.activities.tool.PathArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Which arguments of a server's tools name files, and the folder relative paths are read from: each
 * such argument (a string or a list of strings) reaches the policy, the reviewer and the server as
 * the absolute, real path it names (see {@link PathArguments}), so that a policy can tell "inside
 * the sandbox" whatever {@code ..}, symbolic links or relative paths the agent wrote.
 *
 * @param base the folder relative paths are read from, usually the folder the server is confined to;
 *     it must exist
 * @param arguments the argument names that hold paths; default {@code path}, {@code paths}, {@code
 *     source} and {@code destination}, the reference filesystem server's
 */
public record PathArgumentsSpec(String base, List<String> arguments) {

    /** The reference filesystem server's path arguments. */
    public static final List<String> FILESYSTEM_SERVER_ARGUMENTS = List.of("path", "paths", "source", "destination");

    public PathArgumentsSpec {
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("paths.base must name the folder relative paths are read from");
        }
        if (!Path.of(base).isAbsolute() || !Files.isDirectory(Path.of(base))) {
            throw new IllegalArgumentException(
                    "paths.base must be an absolute path to a folder that exists, was " + base);
        }
        arguments = arguments == null || arguments.isEmpty() ? FILESYSTEM_SERVER_ARGUMENTS : List.copyOf(arguments);
        if (arguments.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw new IllegalArgumentException("paths.arguments must name arguments, found a blank entry");
        }
    }

    /** The normalizer these settings describe. */
    public PathArguments normalizer() {
        return new PathArguments(Path.of(base), Set.copyOf(arguments));
    }
}
