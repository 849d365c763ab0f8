/**
 * {@code ./bidstream bench}: raw Kafka, the pipeline end to end and its latency, on the
 * local stack's own broker and database, printed as one table.
 */
package com.bidstream.localstack.bench;
