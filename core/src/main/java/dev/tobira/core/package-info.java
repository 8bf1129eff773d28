/**
 * Tobira's domain, free of any framework: user pools, app clients, users, the sign-in flows, and the
 * ports through which they reach storage, delivery, triggers, keys, time and randomness.
 */
package dev.tobira.core;
