/**
 * What a valid listing is (the contract's rules), its content hash, and how a batch
 * splits into duplicates and writes; plain Java, no Spring.
 */
package com.bidstream.ingest.listing;
