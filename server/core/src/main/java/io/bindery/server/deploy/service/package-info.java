/**
 * Puts the runtime's hot deploys behind persistence: versions and their history in the
 * ledger's database, jars cached under the data folder, the actor of every change, and the
 * active versions applied again when a server starts.
 */
package io.bindery.server.deploy.service;
