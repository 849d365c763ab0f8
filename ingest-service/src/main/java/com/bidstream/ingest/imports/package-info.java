/**
 * Bulk imports of CSV and NDJSON files: spooled to disk, then fed to the intake in chunks
 * that commit together with the import's progress, so that a restart resumes them.
 */
package com.bidstream.ingest.imports;
