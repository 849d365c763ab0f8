/**
 * Test support shared by every module: the real broker and database, the HTTP client of
 * the API, a topic reader, and the architecture rules.
 */
package com.bidstream.testsupport;
