-- Keys billing_record by (start_ns, trace_id) instead of (trace_id, start_ns): the same
-- uniqueness, so writes stay idempotent, but new rows now land at the end of the key's B-tree
-- instead of at random places (trace ids are random), which makes each batch touch a few pages
-- instead of one page per row. The table is rebuilt because PostgreSQL and H2 name and drop
-- primary keys differently; the same SQL runs on both.
CREATE TABLE billing_record_by_time (
    trace_id          VARCHAR(32)  NOT NULL,
    start_ns          BIGINT       NOT NULL,
    start_ms          BIGINT       NOT NULL,
    account           VARCHAR(200),
    entry_worker      VARCHAR(200),
    route             VARCHAR(2000),
    method            VARCHAR(32),
    status            INTEGER      NOT NULL,
    flattened_ns      BIGINT       NOT NULL,
    classic_ns        BIGINT       NOT NULL,
    savings_ns        BIGINT       NOT NULL,
    awaiting_ns       BIGINT       NOT NULL,
    binding_calls     INTEGER      NOT NULL,
    subrequests       INTEGER      NOT NULL,
    span_count        INTEGER      NOT NULL,
    complete          BOOLEAN      NOT NULL,
    incomplete_reason VARCHAR(64),
    node_id           VARCHAR(200) NOT NULL,
    workers           VARCHAR(100000) NOT NULL,
    PRIMARY KEY (start_ns, trace_id)
);

INSERT INTO billing_record_by_time
SELECT trace_id, start_ns, start_ms, account, entry_worker, route, method, status,
       flattened_ns, classic_ns, savings_ns, awaiting_ns, binding_calls, subrequests,
       span_count, complete, incomplete_reason, node_id, workers
FROM billing_record;

DROP TABLE billing_record;

ALTER TABLE billing_record_by_time RENAME TO billing_record;

CREATE INDEX billing_record_account_start ON billing_record (account, start_ms);
CREATE INDEX billing_record_start ON billing_record (start_ms);
