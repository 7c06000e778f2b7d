package dev.countersign.service.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;

import dev.countersign.client.Countersign;
import dev.countersign.listing.ActionPages;
import dev.countersign.listing.ArchivedActionReader;
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
        pagedReadsAnswerTheStubbedReads(countersign);
    }

    /**
     * For tests that stub {@code read(id)}: a paged read ({@code read(id, after, limit)}, as the task's
     * API and page ask) answers that read's view, its live actions paged as the facade pages them
     * without an archive.
     */
    public static void pagedReadsAnswerTheStubbedReads(Countersign countersign) {
        given(countersign.read(any(), any(), anyInt()))
                .willAnswer(call -> countersign
                        .read((String) call.getArgument(0))
                        .map(read -> read.readable()
                                ? TaskRead.paged(
                                        read.view(),
                                        new ActionPages(ArchivedActionReader.NONE)
                                                .page(read.view(), call.getArgument(1), call.getArgument(2)))
                                : read));
    }
}
