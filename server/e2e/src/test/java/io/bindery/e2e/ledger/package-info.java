/** Runs two forked Bindery servers sharing one PostgreSQL ledger. */
package io.bindery.e2e.ledger;
