/**
 * Feeds: stored sources polled on a schedule (RSS/Atom, Upwork's GraphQL API, JSON at a
 * URL) and webhook feeds pushed to us, all handed to the one intake.
 */
package com.bidstream.ingest.feeds;
