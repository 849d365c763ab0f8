/**
 * The ingest service.
 */
package com.bidstream.ingest;
