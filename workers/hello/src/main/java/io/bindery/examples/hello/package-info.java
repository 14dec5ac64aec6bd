/** An example worker built as its own jar, for deploying onto a running server. */
package io.bindery.examples.hello;
