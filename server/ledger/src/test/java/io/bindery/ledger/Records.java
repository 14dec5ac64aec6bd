package io.bindery.ledger;

import io.bindery.billing.BillingRecord;
import io.bindery.billing.WorkerUsage;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Builds billing records for ledger tests. */
final class Records {

    private Records() {
    }

    /** Returns a record numbered {@code n}: trace id from n, 2 ms flattened, 3 ms classic. */
    static BillingRecord numbered(int n, String account, Instant start) {
        String traceId = HexFormat.of().toHexDigits((long) n) + "0000000000000000";
        return new BillingRecord(traceId, account, "gateway", "/*", "/x", "GET", 200, null,
                start,
                2_000_000, 3_000_000, 1_000_000,
                Map.of("gateway", new WorkerUsage(1, 2_000_000),
                        "auth", new WorkerUsage(1, 1_000_000)),
                1, 1, 4, true, null, List.of());
    }
}
