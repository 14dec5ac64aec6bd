/**
 * End-to-end tests of hot deploys: worker jars built at test time, pushed to the forked
 * server with the agent attached through {@code scripts/deploy} and the admin API.
 */
package io.bindery.e2e.deploy;
