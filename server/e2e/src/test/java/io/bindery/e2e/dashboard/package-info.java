/**
 * Tests the admin dashboard in headless Chromium, driven by Selenium, against a forked demo
 * server with the agent attached; screenshots go to {@code target/screenshots}.
 */
package io.bindery.e2e.dashboard;
