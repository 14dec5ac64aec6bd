-- One row per billed request; the same SQL runs on PostgreSQL and on H2 (PostgreSQL mode).
-- start_ms is the request's start in epoch milliseconds, so that usage is bucketed with
-- integer division instead of dialect-specific date functions.
CREATE TABLE billing_record (
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
    PRIMARY KEY (trace_id, start_ns)
);

CREATE INDEX billing_record_account_start ON billing_record (account, start_ms);
CREATE INDEX billing_record_start ON billing_record (start_ms);
