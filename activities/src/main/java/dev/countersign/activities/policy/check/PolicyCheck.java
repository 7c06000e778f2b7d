package dev.countersign.activities.policy.check;

import dev.countersign.activities.policy.PolicyException;
import dev.countersign.activities.policy.yaml.PolicyFinding;
import dev.countersign.activities.policy.yaml.PolicyParser;
import dev.countersign.activities.policy.yaml.PolicyText;
import dev.countersign.activities.policy.yaml.TierSite;
import dev.countersign.policy.ApprovalTier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a policy file as the worker would load it, without starting anything: its errors (the
 * loader's problems) and warnings (rules that can never match, tiers never reached, on-timeouts
 * that can never apply, tiers needing more approvals than their groups have members). From a shell:
 * {@code PolicyCheck FILE [--tools a,b,c] [--groups name=members,...]}; exit status 0 when the policy
 * loads (perhaps with warnings), 1 when it has errors, 2 for a wrong command line.
 */
public final class PolicyCheck {

    /** Exit status: the policy loads, perhaps with warnings. */
    public static final int VALID = 0;
    /** Exit status: the policy has errors. */
    public static final int INVALID = 1;
    /** Exit status: the command line was wrong. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = "usage: PolicyCheck FILE [--tools a,b,c] [--groups name=members,...]";

    private static final Pattern PLACEHOLDER_WITH_DEFAULT = Pattern.compile("\\$\\{[^{}:]*:([^{}]*)}");
    private static final int MAX_PLACEHOLDER_NESTING = 10;

    private final Function<String, String> textPreprocessor;

    /** A check that replaces each {@code ${name:default}} with its default, as no configuration is at hand. */
    public PolicyCheck() {
        this(PolicyCheck::placeholderDefaults);
    }

    /** A check that passes the file's text through {@code textPreprocessor} first, as the worker would. */
    public PolicyCheck(Function<String, String> textPreprocessor) {
        this.textPreprocessor = Objects.requireNonNull(textPreprocessor, "textPreprocessor");
    }

    /**
     * Checks one file. {@code knownTools} null skips the tool-name check. {@code groupSizes} gives the
     * number of members of each group as far as known; a tier is compared with it only when all its
     * groups are in the map (null or empty skips the comparison).
     */
    public PolicyReport check(Path file, Set<String> knownTools, Map<String, Integer> groupSizes) {
        String source = file.toString();
        String text;
        try {
            text = textPreprocessor.apply(PolicyText.decode(source, Files.readAllBytes(file)));
        } catch (IOException e) {
            return failed(source, "cannot read the file: " + e);
        } catch (PolicyException e) {
            return failed(source, e.problems().get(0));
        } catch (RuntimeException e) {
            return failed(source, "cannot pre-process the policy text: " + e.getMessage());
        }
        PolicyParser.Result parsed = new PolicyParser(knownTools == null ? null : Set.copyOf(knownTools)).parse(text);
        List<PolicyFinding> warnings = new ArrayList<>(parsed.warnings());
        if (groupSizes != null) {
            warnings.addAll(quorumWarnings(parsed.tiers(), groupSizes));
        }
        warnings.sort(Comparator.comparingInt(PolicyFinding::line));
        return new PolicyReport(source, parsed.problems(), warnings);
    }

    /**
     * The text with every {@code ${name:default}} replaced by its default, innermost first, so
     * {@code ${a:${b:PT1H}}} gives {@code PT1H}. A placeholder without a default stays as it is.
     */
    public static String placeholderDefaults(String text) {
        String current = text;
        for (int i = 0; i < MAX_PLACEHOLDER_NESTING; i++) {
            String next = PLACEHOLDER_WITH_DEFAULT
                    .matcher(current)
                    .replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /**
     * The command without {@link System#exit}: prints one line per finding to {@code out}
     * ({@code error: line 5, rule 'refunds' (#1): ...} or {@code warning: ...}), errors first, then
     * a summary line, and returns the exit status ({@link #VALID}, {@link #INVALID} or {@link #USAGE}).
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path file = null;
        Set<String> tools = null;
        Map<String, Integer> groups = Map.of();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE_TEXT);
                return VALID;
            }
            if (arg.equals("--tools") || arg.equals("--groups")) {
                if (i + 1 == args.size() || args.get(i + 1).isBlank()) {
                    return usage(err, arg + " needs a value");
                }
                String value = args.get(++i);
                if (arg.equals("--tools")) {
                    tools = Set.copyOf(commaSeparated(value));
                } else {
                    groups = groupSizes(value);
                    if (groups == null) {
                        return usage(err, "--groups takes name=members pairs such as finance=2,support-leads=3");
                    }
                }
            } else if (arg.startsWith("-")) {
                return usage(err, "unknown option " + arg);
            } else if (file != null) {
                return usage(err, "one FILE at a time");
            } else {
                file = Path.of(arg);
            }
        }
        if (file == null) {
            return usage(err, "FILE is missing");
        }
        PolicyReport report = new PolicyCheck().check(file, tools, groups);
        report.errors().forEach(error -> out.println("error: " + error.text()));
        report.warnings().forEach(warning -> out.println("warning: " + warning.text()));
        out.println(summary(report));
        return report.valid() ? VALID : INVALID;
    }

    private static List<PolicyFinding> quorumWarnings(List<TierSite> tiers, Map<String, Integer> groupSizes) {
        List<PolicyFinding> warnings = new ArrayList<>();
        for (TierSite site : tiers) {
            ApprovalTier tier = site.tier();
            if (!tier.groups().stream().allMatch(group -> groupSizes.get(group) != null)) {
                continue;
            }
            int members = tier.groups().stream().mapToInt(groupSizes::get).sum();
            if (tier.approvals() > members) {
                warnings.add(new PolicyFinding(
                        PolicyFinding.Severity.WARNING,
                        site.line(),
                        site.where(),
                        "'approvals' is " + tier.approvals() + " but " + membership(tier.groups(), members)
                                + ", so this tier can never reach quorum"));
            }
        }
        return warnings;
    }

    private static String membership(List<String> groups, int members) {
        String count = members + (members == 1 ? " member" : " members");
        if (groups.size() == 1) {
            return "group '" + groups.get(0) + "' has " + count;
        }
        return "groups " + groups.stream().map(group -> "'" + group + "'").collect(Collectors.joining(", "))
                + " have at most " + count + " together";
    }

    private static PolicyReport failed(String source, String problem) {
        return new PolicyReport(
                source, List.of(new PolicyFinding(PolicyFinding.Severity.ERROR, 0, "", problem)), List.of());
    }

    private static String summary(PolicyReport report) {
        String warnings = count(report.warnings().size(), "warning");
        if (report.valid()) {
            return report.source() + ": valid" + (report.warnings().isEmpty() ? "" : ", " + warnings);
        }
        return report.source() + ": invalid, " + count(report.errors().size(), "error") + ", " + warnings;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static int usage(PrintStream err, String problem) {
        err.println("PolicyCheck: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    /** {@code finance=2,support-leads=3}, or null when a pair is not of that form. */
    private static Map<String, Integer> groupSizes(String value) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String pair : commaSeparated(value)) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                return null;
            }
            try {
                int members = Integer.parseInt(pair.substring(equals + 1).strip());
                if (members < 0) {
                    return null;
                }
                sizes.put(pair.substring(0, equals).strip(), members);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return sizes;
    }
}
