/**
 * The single-node KRaft broker: its configuration, its own JVM, and the launcher's view
 * of it.
 */
package com.bidstream.localstack.kafka;
