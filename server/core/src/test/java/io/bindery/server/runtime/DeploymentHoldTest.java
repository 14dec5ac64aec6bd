package io.bindery.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.bindery.server.config.Limits;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Checks a snapshot's hold counting with seeded random schedules: a retired snapshot drains
 * exactly once, never while someone holds it, and cannot be held again once drained.
 */
class DeploymentHoldTest {

    private static final int SCHEDULES = 200;
    private static final int THREADS = 4;

    @Test
    void retiredSnapshotDrainsOnceAfterItsLastHolder() throws Exception {
        var random = new Random(20261203L);
        for (int schedule = 0; schedule < SCHEDULES; schedule++) {
            runSchedule(random.nextLong(), 1 + random.nextInt(50));
        }
    }

    private static void runSchedule(long seed, int holdsPerThread) throws Exception {
        var snapshot = new Deployment(Map.of(), RequestLimits.global(Limits.defaults()));
        var held = new AtomicInteger();
        var drains = new AtomicInteger();
        var heldAtDrain = new AtomicReference<Integer>();
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < THREADS; t++) {
            var random = new Random(seed + t);
            threads.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(start);
                for (int i = 0; i < holdsPerThread; i++) {
                    if (snapshot.tryAcquire()) {
                        held.incrementAndGet();
                        spin(random.nextInt(100));
                        held.decrementAndGet();
                        snapshot.release();
                    }
                }
            }));
        }
        start.countDown();
        spin(new Random(seed).nextInt(1_000));
        snapshot.retire(() -> {
            drains.incrementAndGet();
            heldAtDrain.set(held.get());
        });
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(drains.get()).as("drains of schedule " + seed).isEqualTo(1);
        assertThat(heldAtDrain.get()).as("holders at drain, schedule " + seed).isZero();
        assertThat(snapshot.tryAcquire()).as("hold after drain, schedule " + seed).isFalse();
        assertThat(snapshot.holders()).isZero();
    }

    private static void spin(int rounds) {
        for (int i = 0; i < rounds; i++) {
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
