/**
 * PostgreSQL (zonky's binaries) in its own JVM, with one database per service.
 */
package com.bidstream.localstack.postgres;
