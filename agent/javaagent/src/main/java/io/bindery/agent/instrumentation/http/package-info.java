/**
 * Makes http client spans: around the platform's {@code OutboundFetch.fetch} and, only when
 * not already inside an http span, around the JDK {@code HttpClient}'s {@code send} and
 * {@code sendAsync} and {@code HttpURLConnection}; each carries {@code traceparent} out.
 */
package io.bindery.agent.instrumentation.http;
