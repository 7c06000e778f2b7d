package dev.countersign.activities.tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Arguments that name files, normalized to the absolute, real paths they reach, so that a policy
 * judging {@code args.path} and the reviewer reading it see where the call will act: a relative path
 * is taken from the base folder, {@code ~} is the user's home (as the MCP filesystem server reads
 * it), {@code ..} is resolved, and symbolic links are followed as far as the path exists. A string
 * argument or a list of strings is normalized; others are left to the schema check.
 *
 * @param base the folder relative paths are read from (its real path)
 * @param names the arguments that hold paths, for example {@code path}, {@code paths}, {@code source}
 */
public record PathArguments(Path base, Set<String> names) {

    private static final int MAX_LINK_HOPS = 40;
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:([\\\\/].*)?$");

    public PathArguments {
        if (base == null || !base.isAbsolute()) {
            throw new IllegalArgumentException(
                    "the base folder of path arguments must be an absolute path, was " + base);
        }
        base = real(base.normalize(), 0);
        names = Set.copyOf(names);
    }

    /** The arguments with every path argument normalized; the others as they were. */
    public Map<String, Object> normalized(Map<String, Object> args) {
        Map<String, Object> normalized = new LinkedHashMap<>(args);
        for (String name : names) {
            Object value = args.get(name);
            if (value instanceof String path) {
                normalized.put(name, normalized(name, path));
            } else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                List<String> paths = new ArrayList<>(list.size());
                list.forEach(each -> paths.add(normalized(name, (String) each)));
                normalized.put(name, paths);
            }
        }
        return normalized;
    }

    /** One path, absolute and real as far as it exists. */
    String normalized(String name, String raw) {
        if (raw.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is empty; give a path");
        }
        if (WINDOWS_DRIVE.matcher(raw).matches()) {
            throw new IllegalArgumentException(
                    "'" + name + "' is a Windows path (" + raw + "); give a path on this host");
        }
        Path path;
        try {
            path = Path.of(
                    raw.equals("~") || raw.startsWith("~/") ? System.getProperty("user.home") + raw.substring(1) : raw);
        } catch (InvalidPathException unreadable) {
            throw new IllegalArgumentException("'" + name + "' is not a path: " + unreadable.getReason());
        }
        Path absolute =
                path.isAbsolute() ? path.normalize() : base.resolve(path).normalize();
        return realAsFarAsItExists(absolute, 0).toString();
    }

    /** The real path of the longest part that exists, with the rest appended (it has no links yet). */
    private static Path realAsFarAsItExists(Path absolute, int hops) {
        if (hops > MAX_LINK_HOPS) {
            throw new IllegalArgumentException(
                    "'" + absolute + "' goes through more than " + MAX_LINK_HOPS + " symbolic links that lead nowhere");
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        Path rest = existing.relativize(absolute);
        Path real = real(existing, hops);
        return rest.toString().isEmpty() ? real : real.resolve(rest).normalize();
    }

    private static Path real(Path path, int hops) {
        try {
            return path.toRealPath();
        } catch (IOException dangling) {
            if (Files.isSymbolicLink(path)) {
                try {
                    Path target = Files.readSymbolicLink(path);
                    return realAsFarAsItExists(path.resolveSibling(target).normalize(), hops + 1);
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
            }
            return path;
        }
    }
}
