package dev.countersign.service.console.inbox;

import dev.countersign.service.console.approval.Risk;

/** The inbox's filters: tool, risk and group; a blank one lets everything through. */
public record InboxFilter(String tool, String risk, String group) {

    public InboxFilter {
        tool = blankToNull(tool);
        risk = blankToNull(risk);
        group = blankToNull(group);
    }

    public boolean matches(InboxRow row) {
        return (tool == null || tool.equals(row.approval().tool()))
                && (risk == null || risk.equals(Risk.of(row.approval())))
                && (group == null || row.approval().groups().contains(group));
    }

    public boolean active() {
        return tool != null || risk != null || group != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
