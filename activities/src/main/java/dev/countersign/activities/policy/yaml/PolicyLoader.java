package dev.countersign.activities.policy.yaml;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.PolicyException;
import dev.countersign.payload.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and compiles a policy file (YAML, see docs/policy.md). Any problem, from bad YAML to a CEL
 * type error, fails the load with one {@link PolicyException} that lists every problem with its
 * line. Given the registry's tool names, it also refuses rules that name a tool nobody registered.
 * A text pre-processor, such as a placeholder resolver, may rewrite the text before it is parsed.
 */
public final class PolicyLoader {

    private static final Logger log = LoggerFactory.getLogger(PolicyLoader.class);

    private final Set<String> knownTools;
    private final Function<String, String> textPreprocessor;

    /** A loader that does not check tool names. */
    public PolicyLoader() {
        this(null, null);
    }

    /** A loader that refuses rules naming a tool outside {@code knownTools} (other than {@code *}). */
    public PolicyLoader(Collection<String> knownTools) {
        this(Set.copyOf(knownTools), null);
    }

    private PolicyLoader(Set<String> knownTools, Function<String, String> textPreprocessor) {
        this.knownTools = knownTools;
        this.textPreprocessor = textPreprocessor;
    }

    /**
     * A loader like this one that passes the file's text through {@code textPreprocessor} before
     * parsing it, for example {@code environment::resolveRequiredPlaceholders} or
     * {@link dev.countersign.activities.policy.check.PolicyCheck#placeholderDefaults}. The policy's hash is then the SHA-256 of the text it
     * returns (UTF-8), so a verdict names the policy as it was in force, placeholders resolved. An
     * exception from the pre-processor fails the load with a {@link PolicyException}.
     */
    public PolicyLoader withTextPreprocessor(Function<String, String> textPreprocessor) {
        return new PolicyLoader(knownTools, Objects.requireNonNull(textPreprocessor, "textPreprocessor"));
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
     * The policy's hash is the SHA-256 of exactly these bytes (or of the pre-processed text).
     */
    public Policy load(String source, byte[] content) {
        String text = preprocess(source, PolicyText.decode(source, content));
        PolicyParser.Result parsed = new PolicyParser(knownTools).parse(text);
        if (!parsed.problems().isEmpty()) {
            throw new PolicyException(source, texts(parsed.problems()));
        }
        List<String> warnings = texts(parsed.warnings());
        warnings.forEach(warning -> log.warn("policy {}: {}", source, warning));
        String hash = textPreprocessor == null ? sha256(content) : sha256(text.getBytes(StandardCharsets.UTF_8));
        Policy policy = new Policy(source, hash, parsed.defaultOutcome(), parsed.guards(), parsed.rules(), warnings);
        log.info(
                "loaded policy {} with {} guards and {} rules (sha256 {})",
                source,
                parsed.guards().size(),
                parsed.rules().size(),
                policy.hash());
        return policy;
    }

    private String preprocess(String source, String text) {
        if (textPreprocessor == null) {
            return text;
        }
        try {
            return Objects.requireNonNull(textPreprocessor.apply(text), "the text pre-processor gave null");
        } catch (RuntimeException e) {
            throw new PolicyException(source, "cannot pre-process the policy text: " + e.getMessage(), e);
        }
    }

    private static List<String> texts(List<PolicyFinding> findings) {
        return findings.stream().map(PolicyFinding::text).toList();
    }

    static String sha256(byte[] content) {
        return Digests.sha256Hex(content);
    }
}
