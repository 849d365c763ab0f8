/**
 * The public wire contract between Bidstream services: topic names, event records and
 * their JSON codec. Plain Java, no Spring.
 */
package com.bidstream.contracts;
