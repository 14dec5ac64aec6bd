package io.bindery.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bindery.server.config.Limits;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Checks the per-request counters and thread registry behind the limits. */
class RequestScopeLimitsTest {

    private static final LimitExceededException TIMEOUT = LimitErrors.requestTimeout(
            RequestLimits.global(Limits.defaults()), "w");

    @Test
    void concurrentCallersNeverPassTheLimitTogether() throws Exception {
        var random = new Random(20_260_312L);
        for (int round = 0; round < 50; round++) {
            int max = 1 + random.nextInt(40);
            int callers = 1 + random.nextInt(16);
            int attempts = 1 + random.nextInt(10);
            RequestScope scope = RequestScope.create();

            int granted = race(callers, attempts, () -> scope.tryInvocation(max));

            assertThat(granted).as("max %d, %d callers x %d", max, callers, attempts)
                    .isEqualTo(Math.min(max, callers * attempts));
            assertThat(scope.invocations()).isEqualTo(granted);
        }
    }

    @Test
    void subrequestsCountSeparatelyFromInvocations() {
        RequestScope scope = RequestScope.create();

        assertThat(scope.tryInvocation(1)).isTrue();
        assertThat(scope.tryInvocation(1)).isFalse();
        assertThat(scope.trySubrequest(2)).isTrue();
        assertThat(scope.trySubrequest(2)).isTrue();
        assertThat(scope.trySubrequest(2)).isFalse();
        assertThat(scope.subrequests()).isEqualTo(2);
        assertThat(scope.invocations()).isEqualTo(1);
    }

    @Test
    void expiryInterruptsRegisteredThreadsAndRefusesNewOnes() throws Exception {
        RequestScope scope = RequestScope.create();
        var registered = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        Thread waiting = Thread.ofVirtual().start(() -> {
            try (var lease = scope.enterThread()) {
                registered.countDown();
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(registered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(scope.expire(TIMEOUT)).isEqualTo(1);

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        waiting.join();
        assertThat(scope.expiry()).isSameAs(TIMEOUT);
        assertThat(scope.violation()).isSameAs(TIMEOUT);
        assertThatThrownBy(scope::enterThread).isSameAs(TIMEOUT);
        assertThat(scope.expire(TIMEOUT)).isZero();
    }

    @Test
    void threadThatLeftIsNotInterrupted() {
        RequestScope scope = RequestScope.create();
        try (var outer = scope.enterThread()) {
            try (var inner = scope.enterThread()) {
                assertThat(Thread.currentThread().isInterrupted()).isFalse();
            }
        }

        assertThat(scope.expire(TIMEOUT)).isZero();
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void firstViolationIsKept() {
        RequestScope scope = RequestScope.create();
        var first = LimitErrors.subrequests(RequestLimits.global(Limits.defaults()), "w", "u");

        scope.violated(first);
        scope.violated(TIMEOUT);

        assertThat(scope.violation()).isSameAs(first);
    }

    private static int race(int callers, int attempts, java.util.function.BooleanSupplier call)
            throws Exception {
        var granted = new AtomicInteger();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int a = 0; a < attempts; a++) {
                        if (call.getAsBoolean()) {
                            granted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.SECONDS);
            }
        }
        return granted.get();
    }
}
