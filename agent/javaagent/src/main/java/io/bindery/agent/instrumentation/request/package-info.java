/**
 * Makes the request span around {@code Dispatcher.dispatch}: continues an inbound W3C
 * {@code traceparent}, sets the request id to the trace id and adds {@code traceresponse}.
 */
package io.bindery.agent.instrumentation.request;
