package io.bindery.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestScopeTest {

    @Test
    void newScopeHasARandomRequestIdAndNoRoute() {
        RequestScope one = RequestScope.create();
        RequestScope two = RequestScope.create();

        assertThat(one.requestId()).matches("[0-9a-f]{32}").isNotEqualTo(two.requestId());
        assertThat(one.route()).isNull();
        assertThat(one.entryWorker()).isNull();
        assertThat(one.account()).isNull();
    }

    @Test
    void traceIdBecomesTheRequestId() {
        RequestScope scope = RequestScope.create();

        scope.useTraceId("4bf92f3577b34da6a3ce929d0e0e4736");

        assertThat(scope.requestId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void invalidTraceIdsAreRejected() {
        RequestScope scope = RequestScope.create();

        for (String bad : new String[] {null, "", "4BF92F3577B34DA6A3CE929D0E0E4736",
                "0".repeat(32), "abc"}) {
            assertThatThrownBy(() -> scope.useTraceId(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("W3C trace id");
        }
    }
}
