package dev.countersign.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Reads and compiles a policy file (YAML, see docs/policy.md). Any problem, from bad YAML to a CEL
 * type error, fails the load with one {@link PolicyException} that lists every problem with its
 * line. Given the registry's tool names, it also refuses rules that name a tool nobody registered.
 */
public final class PolicyLoader {

    private static final Logger log = LoggerFactory.getLogger(PolicyLoader.class);

    private final Set<String> knownTools;

    /** A loader that does not check tool names. */
    public PolicyLoader() {
        this.knownTools = null;
    }

    /** A loader that refuses rules naming a tool outside {@code knownTools} (other than {@code *}). */
    public PolicyLoader(Collection<String> knownTools) {
        this.knownTools = Set.copyOf(knownTools);
    }

    public Policy load(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyException(file.toString(), "cannot read the file: " + e, e);
        }
        return load(file.toString(), content);
    }

    /** Loads a resource from the class path, for example {@code policies/demo.yaml}. */
    public Policy loadResource(String name) {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        String source = "classpath:" + resource;
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        if (classLoader == null) {
            classLoader = PolicyLoader.class.getClassLoader();
        }
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PolicyException(source, "there is no such resource on the class path", null);
            }
            return load(source, in.readAllBytes());
        } catch (IOException e) {
            throw new PolicyException(source, "cannot read the resource: " + e, e);
        }
    }

    /**
     * Loads a policy from bytes; {@code source} names them in messages and in {@link Policy#source()}.
     * The policy's hash is the SHA-256 of exactly these bytes.
     */
    public Policy load(String source, byte[] content) {
        PolicyParser.Result parsed = new PolicyParser(knownTools).parse(text(source, content));
        if (!parsed.problems().isEmpty()) {
            throw new PolicyException(source, parsed.problems());
        }
        parsed.warnings().forEach(warning -> log.warn("policy {}: {}", source, warning));
        Policy policy = new Policy(source, sha256(content), parsed.defaultOutcome(), parsed.rules(), parsed.warnings());
        log.info(
                "loaded policy {} with {} rules (sha256 {})",
                source,
                parsed.rules().size(),
                policy.hash());
        return policy;
    }

    private static String text(String source, byte[] content) {
        try (UnicodeReader reader = new UnicodeReader(new ByteArrayInputStream(content))) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new PolicyException(source, "the file is not valid UTF-8 text: " + e, e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
