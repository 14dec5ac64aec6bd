package io.bindery.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletedTracesTest {

    @Test
    void forgetsTheOldestTraceBeyondCapacity() {
        var completed = new CompletedTraces(2);
        completed.add("t1", "s1");
        completed.add("t2", "s2");
        completed.add("t3", "s3");

        assertThat(completed.contains("t1")).isFalse();
        assertThat(completed.billed("t2", "s2")).isTrue();
        assertThat(completed.billed("t3", "s3")).isTrue();
        assertThat(completed.billed("t3", "other")).isFalse();
    }

    @Test
    void remembersSeveralRequestsOfOneTraceUpToALimit() {
        var completed = new CompletedTraces(100);
        for (int i = 0; i < 20; i++) {
            completed.add("t", "s" + i);
        }
        assertThat(completed.billed("t", "s19")).isTrue();
        assertThat(completed.billed("t", "s12")).isTrue();
        assertThat(completed.billed("t", "s11")).isFalse();
    }
}
