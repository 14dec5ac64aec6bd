/**
 * Times JDBC statement executions: the {@code execute*} methods of every
 * {@code java.sql.Statement} implementation, in class loaders that can see
 * {@code java.sql.Statement}.
 */
package io.bindery.agent.instrumentation.jdbc;
