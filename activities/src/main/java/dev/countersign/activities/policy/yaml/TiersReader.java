package dev.countersign.activities.policy.yaml;

import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.TimeoutOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the approval tiers of a rule or guard, and its {@code on-timeout}. Warns where a deadline
 * can never pass: a tier after one without {@code sla} is never reached, and an {@code on-timeout}
 * behind such a tier never applies. Keeps every tier it read with its place ({@link TierSite}), for the policy check.
 */
final class TiersReader {

    private static final List<String> TIER_KEYS = List.of("name", "groups", "approvals", "sla", "carry-over-approvals");

    private static final Map<String, TimeoutOutcome> TIMEOUT_OUTCOMES =
            Map.of("reject", TimeoutOutcome.REJECT, "cancel", TimeoutOutcome.CANCEL, "approve", TimeoutOutcome.APPROVE);

    private final NodeReader reader;
    private final List<TierSite> sites = new ArrayList<>();

    TiersReader(NodeReader reader) {
        this.reader = reader;
    }

    List<TierSite> sites() {
        return List.copyOf(sites);
    }

    /** The tiers in escalation order; an entry is null where that tier has a problem. */
    List<ApprovalTier> tiers(NodeTuple entry, String where) {
        if (!(entry.getValueNode() instanceof SequenceNode sequence)
                || sequence.getValue().isEmpty()) {
            reader.problem(entry.getValueNode(), where, "'tiers' must be a list with at least one tier");
            return List.of();
        }
        List<ApprovalTier> tiers = new ArrayList<>();
        Set<String> tierNames = new HashSet<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            String tierWhere = where + ", tier #" + (i + 1);
            ApprovalTier tier = tier(items.get(i), tierWhere, i == 0);
            if (tier != null && !tierNames.add(tier.name())) {
                reader.problem(items.get(i), tierWhere, "two tiers are named '" + tier.name() + "'");
            }
            if (tier != null) {
                sites.add(new TierSite(tierWhere, NodeReader.line(items.get(i)), tier));
            }
            tiers.add(tier);
        }
        warnAboutUnreachedTier(tiers, items, where);
        return tiers;
    }

    private ApprovalTier tier(Node node, String where, boolean first) {
        int problemsBefore = reader.problemCount();
        if (!(node instanceof MappingNode mapping)) {
            reader.problem(node, where, "a tier must be a mapping with groups and approvals");
            return null;
        }
        Map<String, NodeTuple> entries = reader.entries(mapping, TIER_KEYS, where);
        String name = entries.containsKey("name") ? reader.text(entries.get("name"), where) : null;
        List<String> groups =
                reader.required(entries, "groups", mapping, where) ? reader.names(entries.get("groups"), where) : null;
        int approvals = entries.containsKey("approvals") ? approvals(entries.get("approvals"), where) : 1;
        Duration sla = entries.containsKey("sla") ? sla(entries.get("sla"), where) : null;
        NodeTuple carryOverEntry = entries.get("carry-over-approvals");
        Boolean carryOver = carryOverEntry == null ? Boolean.FALSE : reader.flag(carryOverEntry, where);
        if (reader.problemCount() > problemsBefore) {
            return null;
        }
        if (first && carryOver) {
            reader.warning(
                    carryOverEntry.getKeyNode(),
                    where,
                    "'carry-over-approvals' has no effect on the first tier: no approvals come before it");
        }
        return new ApprovalTier(name, groups, approvals, sla, carryOver);
    }

    private int approvals(NodeTuple entry, String where) {
        String text = reader.text(entry, where);
        if (text == null) {
            return 0;
        }
        int approvals;
        try {
            approvals = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            reader.problem(entry.getValueNode(), where, "'approvals' must be a whole number, was '" + text + "'");
            return 0;
        }
        if (approvals < 1) {
            reader.problem(entry.getValueNode(), where, "'approvals' must be at least 1, was " + approvals);
        }
        return approvals;
    }

    private Duration sla(NodeTuple entry, String where) {
        return reader.positiveDuration(entry, where, "'sla'", "PT30M, PT4H or P2D");
    }

    /** What happens after the last tier's SLA passes; null after reporting a bad value. */
    TimeoutOutcome onTimeout(NodeTuple entry, String where) {
        return reader.oneOf(
                entry,
                where,
                TIMEOUT_OUTCOMES,
                text -> "'on-timeout' must be reject, cancel or approve, was '" + text + "'");
    }

    /** Warns when a request can never get past a tier, so the written on-timeout never happens. */
    void warnIfTimeoutNeverApplies(NodeTuple onTimeout, List<ApprovalTier> tiers, String where) {
        if (tiers.isEmpty() || tiers.contains(null)) {
            return;
        }
        int open = 0;
        while (open < tiers.size() && tiers.get(open).sla() != null) {
            open++;
        }
        if (open == tiers.size()) {
            return;
        }
        String why = tiers.stream().allMatch(tier -> tier.sla() == null)
                ? "no tier has an 'sla', so a request waits without limit"
                : "tier #" + (open + 1) + " '" + tiers.get(open).name()
                        + "' has no 'sla', so a request waits there without limit";
        reader.warning(onTimeout.getKeyNode(), where, "'on-timeout' can never apply: " + why);
    }

    private void warnAboutUnreachedTier(List<ApprovalTier> tiers, List<Node> items, String where) {
        for (int i = 1; i < tiers.size(); i++) {
            ApprovalTier previous = tiers.get(i - 1);
            if (previous != null && tiers.get(i) != null && previous.sla() == null) {
                reader.warning(
                        items.get(i),
                        where + ", tier #" + (i + 1),
                        "this tier is never reached: tier #" + i + " '" + previous.name()
                                + "' has no 'sla', so a request waits there without limit");
                return;
            }
        }
    }
}
