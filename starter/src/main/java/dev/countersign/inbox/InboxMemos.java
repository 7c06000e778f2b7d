package dev.countersign.inbox;

import dev.countersign.task.InboxMemo;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverterException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a task's {@link InboxMemo}; one that is missing, incomplete or unreadable is none (the inbox asks the task). */
public final class InboxMemos {

    private static final Logger log = LoggerFactory.getLogger(InboxMemos.class);

    private InboxMemos() {}

    /** The complete memo of this execution, as the server listed or described it. */
    public static Optional<InboxMemo> of(WorkflowClient client, WorkflowExecutionInfo execution) {
        return decode(client, execution.getMemo().getFieldsMap().get(InboxMemo.KEY));
    }

    private static Optional<InboxMemo> decode(WorkflowClient client, Payload memo) {
        if (memo == null) {
            return Optional.empty();
        }
        try {
            InboxMemo published =
                    client.getOptions().getDataConverter().fromPayload(memo, InboxMemo.class, InboxMemo.class);
            return published != null && published.complete() ? Optional.of(published) : Optional.empty();
        } catch (DataConverterException unreadable) {
            log.debug("a task's inbox memo is unreadable; the inbox asks the task", unreadable);
            return Optional.empty();
        }
    }
}
