/**
 * Ships the API-gateway example: five workers ({@code api-gateway}, {@code auth},
 * {@code login}, {@code logout}, {@code get-user}) and the upstream user service that
 * {@code get-user} calls over real HTTP.
 */
package io.bindery.demo;
