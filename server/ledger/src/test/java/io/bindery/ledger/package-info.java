/** Tests the ledger against embedded H2 and a throwaway PostgreSQL cluster. */
package io.bindery.ledger;
