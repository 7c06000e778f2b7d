package dev.countersign.activities.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A long tool call keeps heartbeating while it runs. */
class ActivityHeartbeatTest {

    private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    private final AtomicInteger beats = new AtomicInteger();
    private final CountDownLatch threeBeats = new CountDownLatch(3);

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void blockingWorkHeartbeatsUntilItReturns() throws InterruptedException {
        env.setActivityHeartbeatListener(Object.class, details -> {
            beats.incrementAndGet();
            threeBeats.countDown();
        });
        env.registerActivitiesImplementations(new SlowImpl(threeBeats));

        String answer = env.newActivityStub(Slow.class).run();

        assertThat(answer).isEqualTo("done after 3 heartbeats");
        assertThat(beats.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void outsideAnActivityTheWorkJustRuns() {
        assertThat(ActivityHeartbeat.whileRunning(() -> "ran")).isEqualTo("ran");
    }

    @ActivityInterface
    public interface Slow {
        @ActivityMethod
        String run();
    }

    static final class SlowImpl implements Slow {

        private final CountDownLatch threeBeats;

        SlowImpl(CountDownLatch threeBeats) {
            this.threeBeats = threeBeats;
        }

        @Override
        public String run() {
            return ActivityHeartbeat.whileRunning(
                    io.temporal.activity.Activity.getExecutionContext(), Duration.ofMillis(10), () -> {
                        try {
                            return threeBeats.await(10, TimeUnit.SECONDS) ? "done after 3 heartbeats" : "no heartbeats";
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return "interrupted";
                        }
                    });
        }
    }
}
