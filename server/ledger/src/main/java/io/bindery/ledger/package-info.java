/**
 * Keeps the durable usage ledger: billing records written in batches to SQL (embedded H2 or a
 * shared PostgreSQL), spilled to a local file while the database is away, and summed per
 * time bucket for the usage API.
 */
package io.bindery.ledger;
