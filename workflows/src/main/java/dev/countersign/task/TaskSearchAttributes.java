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
    /**
     * Who may review one of the task's executed actions now: the groups of its open review windows,
     * {@link #ANY_REVIEW} while anything awaits review (operators review everything), and
     * {@link #NOTHING_TO_REVIEW} otherwise. Tasks started before Countersign set it have none.
     */
    public static final SearchAttributeKey<List<String>> REVIEW_GROUPS =
            SearchAttributeKey.forKeywordList("CountersignReviewGroups");

    /** In {@link #REVIEW_GROUPS} while any action of the task awaits review (never a group's name). */
    public static final String ANY_REVIEW = "countersign:any";
    /** {@link #REVIEW_GROUPS} of a task none of whose actions awaits review. */
    public static final String NOTHING_TO_REVIEW = "countersign:none";

    /** Every key, for registration. */
    public static final List<SearchAttributeKey<?>> ALL = List.of(STATUS, GROUPS, RISK, TOOL, REQUESTER, REVIEW_GROUPS);

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

    /** The value of {@link #REVIEW_GROUPS} for actions awaiting review by these groups (empty: none awaits). */
    static SearchAttributeUpdate<List<String>> reviews(boolean anyAwaits, List<String> groups) {
        if (!anyAwaits) {
            return REVIEW_GROUPS.valueSet(List.of(NOTHING_TO_REVIEW));
        }
        List<String> values = new ArrayList<>();
        values.add(ANY_REVIEW);
        values.addAll(groups);
        return REVIEW_GROUPS.valueSet(List.copyOf(values));
    }
}
