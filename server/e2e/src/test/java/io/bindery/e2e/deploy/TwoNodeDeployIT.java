package io.bindery.e2e.deploy;

import static io.bindery.e2e.deploy.Greeters.admin;
import static io.bindery.e2e.deploy.Greeters.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bindery.e2e.ForkedServer;
import io.bindery.e2e.Records;
import io.bindery.ledger.PostgresCluster;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two forked servers with the agent attached share one PostgreSQL database: a deploy or a
 * rollback on either node reaches the other, and version numbers are shared.
 */
class TwoNodeDeployIT {

    @TempDir
    Path dir;

    private PostgresCluster postgres;
    private Greeters greeters;
    private ForkedServer nodeA;
    private ForkedServer nodeB;

    @BeforeEach
    void start() {
        postgres = PostgresCluster.start();
        greeters = new Greeters(dir);
        nodeA = node("deploy-node-a");
        nodeB = node("deploy-node-b");
    }

    @AfterEach
    void stop() {
        if (greeters != null) {
            greeters.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDeployOnOneNodeReachesTheOther() {
        var upload = greeters.upload(nodeA, "v1", "alice");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        assertThat(greet(nodeA)).isEqualTo("v1");

        await().atMost(Duration.ofSeconds(30)).until(() -> greet(nodeB).equals("v1"));
        assertThat(nodeB.output()).contains("Deploy: applied greeter version 1 (activated by "
                + "alice at ", " on deploy-node-a)");

        var second = greeters.upload(nodeB, "v2", "bob");
        assertThat(Records.json(second.body()).path("version").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> greet(nodeA).equals("v2"));

        assertThat(admin(nodeA, "/api/workers/greeter/rollback", "{}", "carol").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> greet(nodeB).equals("v1"));
    }

    private ForkedServer node(String name) {
        return greeters.start(name, null, "BINDERY_LEDGER_URL", postgres.jdbcUrl() + "&user="
                + postgres.user(), "BINDERY_NODE_ID", name, "BINDERY_DEPLOY_SYNC_SECONDS", "1");
    }
}
