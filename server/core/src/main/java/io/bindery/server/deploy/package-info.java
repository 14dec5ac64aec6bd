/** Describes deployed worker versions: what one is made of, what runs, what was replaced. */
package io.bindery.server.deploy;
