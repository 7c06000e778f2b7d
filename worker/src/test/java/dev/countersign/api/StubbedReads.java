package dev.countersign.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import dev.countersign.client.Countersign;
import dev.countersign.listing.TaskRead;

/**
 * For tests that stub a mocked facade's {@code task(id)}: steering, cancel and the console's task
 * page read a task within the listing's deadline ({@code read(id)}), which then answers the stubbed
 * view.
 */
public final class StubbedReads {

    private StubbedReads() {}

    public static void readsAnswerTheStubbedViews(Countersign countersign) {
        given(countersign.read(any()))
                .willAnswer(call -> countersign.task(call.getArgument(0)).map(TaskRead::of));
    }
}
