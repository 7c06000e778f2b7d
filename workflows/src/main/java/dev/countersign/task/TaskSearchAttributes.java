package dev.countersign.task;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * The custom search attributes each task keeps up to date, so the inbox is a visibility query: its
 * status, the groups that may act now, the risk and tool of the pending call, and the requester.
 * They must be registered on the namespace before a worker starts (the starter does it where the
 * server allows).
 */
public final class TaskSearchAttributes {

    public static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("CountersignStatus");
    public static final SearchAttributeKey<List<String>> GROUPS =
            SearchAttributeKey.forKeywordList("CountersignGroups");
    public static final SearchAttributeKey<String> RISK = SearchAttributeKey.forKeyword("CountersignRisk");
    public static final SearchAttributeKey<String> TOOL = SearchAttributeKey.forKeyword("CountersignTool");
    public static final SearchAttributeKey<String> REQUESTER = SearchAttributeKey.forKeyword("CountersignRequester");

    /** Every key, for registration. */
    public static final List<SearchAttributeKey<?>> ALL = List.of(STATUS, GROUPS, RISK, TOOL, REQUESTER);

    private TaskSearchAttributes() {}

    /**
     * The values for a task in this state. Risk is {@code high} when the pending call needs more
     * than one approval, {@code medium} when it needs one, and unset when nothing is pending.
     */
    static List<SearchAttributeUpdate<?>> of(
            TaskStatus status, String requester, String tool, List<String> groups, int requiredApprovals) {
        List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
        updates.add(STATUS.valueSet(status.name()));
        updates.add(REQUESTER.valueSet(requester));
        if (groups.isEmpty()) {
            updates.add(GROUPS.valueUnset());
            updates.add(TOOL.valueUnset());
            updates.add(RISK.valueUnset());
        } else {
            updates.add(GROUPS.valueSet(List.copyOf(groups)));
            updates.add(TOOL.valueSet(tool));
            updates.add(RISK.valueSet(requiredApprovals > 1 ? "high" : "medium"));
        }
        return updates;
    }
}
